import { notFound } from "next/navigation";
import { NotFoundError } from "./tenant";

/** For pages: another tenant's (or an unknown) id in the URL renders the not-found page. */
export function notFoundOnForeignId(error: unknown): never {
  if (error instanceof NotFoundError) notFound();
  throw error;
}
