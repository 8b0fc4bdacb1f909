import { usesOutbox } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function CheckEmailPage() {
  return (
    <div className="centered">
      <div className="card">
        <h1>Check your email</h1>
        <p>If this address belongs to an account, a sign-in link is on its way. It works once.</p>
        {usesOutbox() && (
          <p>
            Demo mode: open the <a href="/outbox">outbox</a> to find the link.
          </p>
        )}
      </div>
    </div>
  );
}
