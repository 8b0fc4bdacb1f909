import type { ReactNode } from "react";
import { DemoBanner } from "@/components/layout/demo-banner";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getSignedInUser, requireMember } from "@/lib/auth/session";
import { usesOutbox } from "@/lib/env";
import { hasRole } from "@/lib/members/members";
import { ROLE_LABELS } from "@/lib/members/schemas";
import { getOrganization } from "@/lib/organizations/organizations";
import { tenantOf } from "@/lib/tenancy/tenant";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const [organization, user] = await Promise.all([getOrganization(tenantOf(member)), getSignedInUser()]);
  const isCx = hasRole(member, "cx_manager");
  return (
    <div className="shell">
      <DemoBanner />
      <aside className="sidebar">
        <div className="logo">NPS Loop</div>
        <div className="tenant">{organization.name}</div>
        <nav>
          <a href="/dashboard">Dashboard</a>
          <a href="/comments">Comments</a>
          <a href="/themes">Themes</a>
          <a href="/queue">Call-back queue</a>
          <a href="/digest">Weekly digests</a>
          {isCx && <a href="/experiments">Loop results</a>}
          {isCx && <a href="/loop">Loop settings</a>}
          {hasRole(member, "admin") && <a href="/jobs">Background jobs</a>}
          {isCx && <a href="/send">Send survey</a>}
          {isCx && <a href="/campaigns">Campaigns</a>}
          {isCx && <a href="/contacts">Contacts</a>}
          {isCx && <a href="/settings/sending">Sending rules</a>}
          {hasRole(member, "admin") && <a href="/integrations">Integrations</a>}
          {hasRole(member, "admin") && <a href="/privacy">Privacy</a>}
          {hasRole(member, "admin") && <a href="/audit">Audit log</a>}
          {isCx && <a href="/stores">Stores &amp; regions</a>}
          {isCx && <a href="/survey">Survey &amp; branding</a>}
          {isCx && <a href="/users">Users</a>}
          {usesOutbox() && <a href="/outbox">Outbox (demo)</a>}
        </nav>
        <div className="who">
          {user?.email}
          <br />
          {ROLE_LABELS[member.role]}
          <br />
          <SignOutButton />
        </div>
      </aside>
      <main className="content">{children}</main>
    </div>
  );
}
