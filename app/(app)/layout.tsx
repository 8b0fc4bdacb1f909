import type { ReactNode } from "react";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getSignedInUser, requireMember } from "@/lib/auth/session";
import { usesOutbox } from "@/lib/env";
import { hasRole } from "@/lib/members/members";
import { ROLE_LABELS } from "@/lib/members/schemas";
import { getOrganization } from "@/lib/organizations/organizations";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const [organization, user] = await Promise.all([getOrganization(member), getSignedInUser()]);
  const isCx = hasRole(member, "cx_manager");
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="logo">NPS Loop</div>
        <div className="tenant">{organization.name}</div>
        <nav>
          <a href="/dashboard">Dashboard</a>
          <a href="/queue">Call-back queue</a>
          {isCx && <a href="/send">Send survey</a>}
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
