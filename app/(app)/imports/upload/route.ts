import { Readable } from "node:stream";
import { ACCESS } from "@/lib/auth/access";
import { memberRoute } from "@/lib/auth/member-route";
import { importContacts } from "@/lib/imports/import-contacts";

/**
 * POST the CSV as the body: it is parsed as it arrives, and each progress report goes back as a line of JSON
 * while the import runs. Signed-in CX managers only; a post from another site is refused (memberRoute).
 */
export const POST = memberRoute(ACCESS["/imports/upload"], async ({ member, request }) => {
  if (!request.body) return new Response("Not found", { status: 404 });
  const fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "upload.csv");
  const csv = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (progress: object) => controller.enqueue(encoder.encode(`${JSON.stringify(progress)}\n`));
      try {
        await importContacts(member, { fileName, csv, createdBy: member.userId }, send);
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" } });
});
