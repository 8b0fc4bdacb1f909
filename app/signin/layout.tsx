import type { ReactNode } from "react";
import { DemoBanner } from "@/components/layout/demo-banner";

export const dynamic = "force-dynamic";

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <DemoBanner />
      {children}
    </>
  );
}
