import { MessageCard } from "@/components/layout/message-card";

export default function Forbidden() {
  return <MessageCard messages="forbidden" />;
}
