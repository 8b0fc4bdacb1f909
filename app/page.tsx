import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/session";

export default async function Home() {
  redirect((await getSignedInUser()) ? "/dashboard" : "/signin");
}
