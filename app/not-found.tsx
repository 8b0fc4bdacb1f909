import { NotFoundCard } from "@/components/layout/not-found-card";

export default function NotFound() {
  return (
    <div className="centered">
      <NotFoundCard />
    </div>
  );
}
