import { setTimeout as sleep } from "node:timers/promises";
import { signInLinkOf, type MailSink } from "./mail-sink";

// A person signs in through one app process (the magic link, sent to the mail sink, opened on that process), and
// their session cookie is then shown to every app process directly, bypassing the balancer. Sessions are rows in
// the database and the cookie is signed with the one NEXTAUTH_SECRET, so every process must know them.

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

export async function signInThrough(port: number, email: string, sink: MailSink): Promise<string> {
  const origin = `http://127.0.0.1:${port}`;
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const mailsBefore = sink.mails.length;
  const request = await fetch(`${origin}/api/auth/signin/email`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard", json: "true" }),
  });
  if (request.status >= 400) throw new Error(`sign-in request answered ${request.status}`);
  let link: string | undefined;
  for (let i = 0; i < 100 && !link; i++) {
    link = sink.mails.slice(mailsBefore).map((mail) => (mail.to === email ? signInLinkOf(mail.text) : undefined)).find(Boolean);
    if (!link) await sleep(100);
  }
  if (!link) throw new Error(`no sign-in link reached ${email}`);
  // The link names the balancer (APP_URL); it is opened on the same process the person asked on.
  const url = new URL(link);
  const callback = await fetch(`${origin}${url.pathname}${url.search}`, { redirect: "manual" });
  const session = cookiesOf(callback).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`the sign-in link answered ${callback.status} without a session cookie`);
  return session;
}

/** The process knows the session: /api/auth/session names the person, and a signed-in page renders (no redirect). */
export async function sessionAcceptedBy(port: number, cookie: string, email: string): Promise<boolean> {
  const origin = `http://127.0.0.1:${port}`;
  const session = (await (await fetch(`${origin}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } };
  const page = await fetch(`${origin}/dashboard`, { headers: { cookie }, redirect: "manual" });
  await page.arrayBuffer();
  return session.user?.email === email && page.status === 200;
}
