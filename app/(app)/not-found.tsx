import { NotFoundCard } from "@/components/layout/message-card";

export default function NotFound() {
  return <NotFoundCard />;
}
