import type { SsoFailure } from "@/lib/identity/oidc-sign-in";

export const dynamic = "force-dynamic";

const WHY: Record<SsoFailure, { title: string; text: string }> = {
  not_configured: { title: "Single sign-on is not set up", text: "Your company has not connected its sign-in provider. Ask your administrator." },
  unavailable: {
    title: "Your company's sign-in service is not answering",
    text: "We could not reach your company's identity provider. Try again in a few minutes; if it persists, tell your IT department.",
  },
  refused: { title: "That sign-in could not be checked", text: "The answer from your company's provider did not pass our checks. Start again from the sign-in page." },
  expired: { title: "That sign-in took too long", text: "Sign-ins through your company's provider must finish within 10 minutes, in the same browser. Start again." },
  domain_not_claimed: {
    title: "This address belongs to another company",
    text: "Your provider signed you in with an address your company has not claimed here. Ask your administrator.",
  },
  no_access: {
    title: "You have no access to NPS Loop yet",
    text: "Your company signed you in, but none of your groups gives access to this app. Ask your IT department to add you to the right group.",
  },
};

/** Where every failed single sign-on ends: what happened, in plain words, and the way back. */
export default async function SsoFailedPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const why = WHY[reason as SsoFailure] ?? WHY.refused;
  return (
    <div className="centered">
      <div className="card" role="alert">
        <h1>{why.title}</h1>
        <p>{why.text}</p>
        <p>
          <a className="button secondary" href="/signin">
            Back to sign-in
          </a>
        </p>
      </div>
    </div>
  );
}
