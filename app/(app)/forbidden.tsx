import { ForbiddenCard } from "@/components/layout/forbidden-card";

export default function Forbidden() {
  return <ForbiddenCard />;
}
