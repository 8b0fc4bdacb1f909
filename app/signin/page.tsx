import { SignInForm } from "@/components/layout/sign-in-form";
import { usesOutbox } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <div className="centered">
      <div className="card">
        <h1>Sign in to NPS Loop</h1>
        <p className="muted">We email you a sign-in link. No password needed.</p>
        {error && <p className="field-error">That sign-in link is no longer valid. Ask for a new one.</p>}
        <SignInForm />
        {usesOutbox() && (
          <p className="muted" style={{ marginTop: 16 }}>
            Demo mode: mail goes to the <a href="/outbox">outbox</a>.
          </p>
        )}
      </div>
    </div>
  );
}
