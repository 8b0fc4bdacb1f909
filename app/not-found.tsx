import { NotFoundCard } from "@/components/layout/message-card";

export default function NotFound() {
  return (
    <div className="centered">
      <NotFoundCard />
    </div>
  );
}
