import type { CSSProperties } from "react";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/schemas";

type Operation = { summary?: string; description?: string; parameters?: { name: string; in: string; description?: string }[]; requestBody?: unknown; responses: Record<string, { description: string }> };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };

const page: CSSProperties = { maxWidth: 920, margin: "0 auto", padding: "24px 16px", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", color: "#1a1a1a", lineHeight: 1.5 };
const code: CSSProperties = { background: "#f3f4f6", padding: 12, borderRadius: 6, overflowX: "auto", fontSize: 13 };
const method: CSSProperties = { display: "inline-block", minWidth: 64, fontWeight: 700, color: "#1f4e79" };

const VERIFY_SAMPLE = `import { createHmac, timingSafeEqual } from "node:crypto";

// header: the NPS-Signature header, body: the raw request body (a string), secret: whsec_…
function isFromNpsLoop(header, body, secret) {
  const { t, v1 } = Object.fromEntries(header.split(",").map((p) => p.split("=")));
  if (Math.abs(Date.now() / 1000 - Number(t)) > 300) return false; // replayed or stale
  const expected = createHmac("sha256", secret).update(\`\${t}.\${body}\`).digest();
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;

/** The API's docs page: how to authenticate and retry, every endpoint from the OpenAPI document, the webhooks. */
export function ApiDocs({ document, openApiUrl }: { document: Document; openApiUrl: string }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>NPS Loop API</title>
      </head>
      <body style={{ margin: 0, background: "#ffffff" }}>
        <main style={page}>
          <h1>NPS Loop API v1</h1>
          <p>
            Trigger a survey after every purchase or visit, read responses and NPS, keep contacts in step with your CRM.
            Machine-readable: <a href={openApiUrl}>OpenAPI 3.1 document</a>.
          </p>
          <h2>Authentication</h2>
          <p>
            An admin creates a key under <strong>Integrations → API keys</strong>; it is shown once. Send it on every call as{" "}
            <code>Authorization: Bearer nps_…</code>. A key acts for its own company only: ids of anything else answer 404.
          </p>
          <pre style={code}>{`curl -X POST $APP_URL/api/v1/survey-sends \\
  -H "Authorization: Bearer $NPS_KEY" -H "Content-Type: application/json" \\
  -H "Idempotency-Key: order-10023" \\
  -d '{"contact":{"email":"anna@example.com","externalId":"C-981","name":"Anna","locale":"de","segment":"gold"},
       "storeCode":"NW-003","transactionRef":"order-10023"}'`}</pre>
          <h2>Errors, retries and limits</h2>
          <ul>
            <li><strong>400</strong> bad input, with <code>issues</code>: one per field (<code>path</code>, <code>message</code>).</li>
            <li><strong>401</strong> no key, or an unknown or revoked key. <strong>404</strong> an unknown id, or one of another company.</li>
            <li><strong>409</strong> an <code>Idempotency-Key</code> or <code>transactionRef</code> reused with a different request.</li>
            <li><strong>429</strong> too many requests for this key: wait <code>Retry-After</code> seconds.</li>
            <li>
              Retrying <code>POST /survey-sends</code> is always safe: the same <code>Idempotency-Key</code> or <code>transactionRef</code>{" "}
              returns the first answer (header <code>Idempotent-Replayed: true</code>) and never sends a second email.
            </li>
            <li>
              The answer is <code>202</code> with the send&apos;s <code>status</code>: <code>queued</code>, or <code>throttled</code> (surveyed within
              the company&apos;s throttle days) or <code>suppressed</code> (unsubscribed, bounced, complained) with the <code>reason</code>.
            </li>
          </ul>
          <h2>Endpoints</h2>
          {Object.entries(document.paths).map(([path, operations]) =>
            Object.entries(operations).map(([verb, operation]) => (
              <section key={`${verb} ${path}`} style={{ borderTop: "1px solid #e5e7eb", padding: "12px 0" }}>
                <h3 style={{ margin: "0 0 4px" }}>
                  <span style={method}>{verb.toUpperCase()}</span> <code>/api/v1{path}</code>
                </h3>
                <p style={{ margin: "0 0 6px" }}>{operation.summary}</p>
                {operation.description && <p style={{ margin: "0 0 6px", color: "#555" }}>{operation.description}</p>}
                {operation.parameters?.length ? (
                  <p style={{ margin: "0 0 6px" }}>
                    Parameters:{" "}
                    {operation.parameters.map((p) => `${p.name} (${p.in})`).join(", ")}
                  </p>
                ) : null}
                <p style={{ margin: 0, color: "#555" }}>
                  Answers: {Object.entries(operation.responses).map(([status, r]) => `${status} ${r.description}`).join(" · ")}
                </p>
              </section>
            )),
          )}
          <h2>Schemas</h2>
          {Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => (
            <details key={name}>
              <summary>{name}</summary>
              <pre style={code}>{JSON.stringify(schema, null, 2)}</pre>
            </details>
          ))}
          <h2>Webhooks</h2>
          <p>
            Admins add endpoints under <strong>Integrations → Webhooks</strong> and choose events: {WEBHOOK_EVENTS.map((e) => <code key={e}>{e} </code>)}.
            Each event is a <code>POST</code> with a JSON body <code>{`{"id", "event", "createdAt", "data"}`}</code>; <code>data</code> is the
            response (as in <code>GET /responses</code>) or the follow-up. Answer with any 2xx within 10 seconds. Failed deliveries are retried with
            exponential backoff (30 s, 1 min, 2 min … at most an hour apart); an endpoint that has failed for a day is switched off and the
            company&apos;s admins get an email. The delivery log (status, attempts, last error) is on the endpoint&apos;s page. A delivery may arrive
            more than once: use its <code>id</code> (also in the <code>NPS-Delivery</code> header) to ignore repeats.
          </p>
          <h3>Signature</h3>
          <p>
            Every delivery carries <code>NPS-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where <code>v1</code> is
            HMAC-SHA256, keyed with the endpoint&apos;s secret (<code>whsec_…</code>), of the timestamp, a dot and the raw body:{" "}
            <code>HMAC(secret, t + &quot;.&quot; + body)</code>. Recompute it over the raw bytes you received, compare in constant time and refuse
            timestamps more than five minutes off (replays).
          </p>
          <pre style={code}>{VERIFY_SAMPLE}</pre>
        </main>
      </body>
    </html>
  );
}
