import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/layout/demo-banner";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getSignedInUser, requireMember } from "@/lib/auth/session";
import { usesOutbox } from "@/lib/env";
import { hasRole } from "@/lib/members/members";
import { getOrganization } from "@/lib/organizations/organizations";
import { tenantOf } from "@/lib/tenancy/tenant";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const [organization, user, t, roles] = await Promise.all([
    getOrganization(tenantOf(member)),
    getSignedInUser(),
    getTranslations("nav"),
    getTranslations("roles"),
  ]);
  const isCx = hasRole(member, "cx_manager");
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <DemoBanner />
      <header className="sidebar">
        <div className="logo">NPS Loop</div>
        <div className="tenant">{organization.name}</div>
        {/* A disclosure on phones (no script needed); on wider screens the CSS keeps it open and hides its button. */}
        <details className="nav-menu">
          <summary>{t("menu")}</summary>
          <nav aria-label={t("navigation")}>
            <a href="/dashboard">{t("dashboard")}</a>
            <a href="/comments">{t("comments")}</a>
            <a href="/themes">{t("themes")}</a>
            <a href="/queue">{t("queue")}</a>
            <a href="/digest">{t("digest")}</a>
            {isCx && <a href="/experiments">{t("experiments")}</a>}
            {isCx && <a href="/loop">{t("loop")}</a>}
            {hasRole(member, "admin") && <a href="/jobs">{t("jobs")}</a>}
            {isCx && <a href="/send">{t("send")}</a>}
            {isCx && <a href="/campaigns">{t("campaigns")}</a>}
            {isCx && <a href="/contacts">{t("contacts")}</a>}
            {isCx && <a href="/settings/sending">{t("sending")}</a>}
            {hasRole(member, "admin") && <a href="/integrations">{t("integrations")}</a>}
            {hasRole(member, "admin") && <a href="/privacy">{t("privacy")}</a>}
            {hasRole(member, "admin") && <a href="/audit">{t("audit")}</a>}
            {hasRole(member, "admin") && <a href="/settings/sso">{t("sso")}</a>}
            <a href="/settings/sessions">{t("sessions")}</a>
            {isCx && <a href="/stores">{t("stores")}</a>}
            {isCx && <a href="/survey">{t("survey")}</a>}
            {isCx && <a href="/users">{t("users")}</a>}
            <a href="/settings/profile">{t("profile")}</a>
            {usesOutbox() && <a href="/outbox">{t("outbox")}</a>}
          </nav>
          <div className="who">
            {user?.email}
            <br />
            {roles(member.role)}
            <br />
            <SignOutButton />
          </div>
        </details>
      </header>
      <main id="main" className="content">{children}</main>
    </div>
  );
}
