import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import type { NextAuthOptions } from "next-auth";
import { headers } from "next/headers";
import EmailProvider from "next-auth/providers/email";
import { renderSignInEmail } from "@/emails/sign-in-email";
import { db } from "../db/client";
import { env } from "../env";
import { sendMail } from "../mail/send-mail";
import { recordAuditEvent } from "../audit/audit-events";
import { listMembershipsOfUser, signInLocaleOf } from "../members/members";
import type { Tenant } from "../tenancy/tenant";
import { isMagicLinkRefused } from "../identity/sso-connections";
import { SESSION_MAX_AGE_SECONDS, touchSession } from "../identity/sessions";
import { MAGIC_LINK_MINUTES } from "./magic-link";

const MAGIC_LINK_MAX_AGE_SECONDS = MAGIC_LINK_MINUTES * 60;

async function userAgent(): Promise<string | null> {
  try {
    return (await headers()).get("user-agent");
  } catch {
    return null; // Not in a request (a script): no browser to name.
  }
}

// @auth/prisma-adapter targets Auth.js; its runtime contract matches next-auth 4's adapter interface. Sessions also
// record how they began and the browser, and when last seen, for the sessions page (lib/identity/sessions.ts).
const prismaAdapter = PrismaAdapter(db as never) as Adapter;
const adapter: Adapter = {
  ...prismaAdapter,
  async createSession(session) {
    const created = await db.session.create({ data: { ...session, method: "magic_link", userAgent: (await userAgent())?.slice(0, 500), lastSeenAt: new Date() } });
    return created;
  },
  async getSessionAndUser(sessionToken) {
    const found = await prismaAdapter.getSessionAndUser!(sessionToken);
    if (found) await touchSession(sessionToken, await userAgent());
    return found;
  },
};

export const authOptions: NextAuthOptions = {
  adapter,
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  providers: [
    EmailProvider({
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      // Only people a tenant has invited get a link; everyone else sees the same "check your email" page,
      // so the form does not reveal who has an account.
      async sendVerificationRequest({ identifier, url }) {
        const locale = await signInLocaleOf(identifier);
        if (!locale) return;
        const { subject, html, text } = await renderSignInEmail({ locale, url, host: new URL(env().APP_URL).host });
        await sendMail({ to: identifier, subject, html, text, kind: "sign-in" });
      },
    }),
  ],
  events: {
    // Every tenant the person belongs to sees the sign-in in its audit log.
    async signIn({ user }) {
      const memberships = await listMembershipsOfUser(user.id);
      await Promise.all(
        memberships.map((tenant) => recordAuditEvent({ ...tenant, userId: user.id } as Tenant, { action: "sign_in", detail: { method: "magic_link" } })),
      );
    },
  },
  callbacks: {
    // A tenant that requires single sign-on gets no email links for its domains, asked for or already sent, but
    // for its break-glass admin.
    async signIn({ user }) {
      if (user.email && (await isMagicLinkRefused(user.email))) return "/signin?error=SsoRequired";
      return true;
    },
    // The adapter reads the whole User row for the session anyway: its language comes along without another query.
    session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id, locale: (user as { locale?: string | null }).locale ?? null } };
    },
  },
};
