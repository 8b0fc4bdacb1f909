import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { renderSignInEmail } from "@/emails/sign-in-email";
import { db } from "../db/client";
import { env } from "../env";
import { sendMail } from "../mail/send-mail";
import { recordAuditEvent } from "../audit/audit-events";
import { listMembershipsOfUser, signInLocaleOf } from "../members/members";
import type { Tenant } from "../tenancy/tenant";
import { MAGIC_LINK_MINUTES } from "./magic-link";

const MAGIC_LINK_MAX_AGE_SECONDS = MAGIC_LINK_MINUTES * 60;

export const authOptions: NextAuthOptions = {
  // @auth/prisma-adapter targets Auth.js; its runtime contract matches next-auth 4's adapter interface.
  adapter: PrismaAdapter(db as never) as Adapter,
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
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
      await Promise.all(memberships.map((tenant) => recordAuditEvent({ ...tenant, userId: user.id } as Tenant, { action: "sign_in" })));
    },
  },
  callbacks: {
    // The adapter reads the whole User row for the session anyway: its language comes along without another query.
    session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id, locale: (user as { locale?: string | null }).locale ?? null } };
    },
  },
};
