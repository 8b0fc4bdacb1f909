import { benchRowSchema, benchRoutesEnabled, insertBenchRow } from "@/lib/ops/bench-insert";

type Context = { params: Promise<{ token: string; score: string }> };

// The bare route bench:clicks measures the score click against (lib/ops/bench-insert.ts): the same URL shape as
// /s/<token>/<score>, and like it outside the proxy. Not there (404) unless the process started with BENCH_ROUTES=1.
export async function GET(_request: Request, { params }: Context) {
  if (!benchRoutesEnabled()) return new Response("Not found", { status: 404 });
  const parsed = benchRowSchema.safeParse(await params);
  if (!parsed.success) return Response.json({ error: "bad_request", message: parsed.error.issues[0]?.message }, { status: 400 });
  await insertBenchRow(parsed.data);
  return new Response(null, { status: 204 });
}
