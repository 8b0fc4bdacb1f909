import { createHash, randomBytes } from "node:crypto";
import { demoUsers, type DemoUser } from "@/prisma/seed/demo-tenants";
import { db } from "../db/client";
import { env, isDemoMode } from "../env";
import { MAGIC_LINK_MINUTES } from "./magic-link";

// One-click sign-ins for the demo (the sign-in page's list, app/signin/demo/route.ts). Demo mode only: outside it
// the list is empty and no link is made, whatever is asked, and the route answers 404.

/** The demo seed's users who have a membership in this database, in the seed's order. */
export async function listDemoSignIns(): Promise<DemoUser[]> {
  if (!isDemoMode()) return [];
  const users = demoUsers();
  const members = await db.user.findMany({
    where: { email: { in: users.map((user) => user.email) }, memberships: { some: {} } },
    select: { email: true },
  });
  const known = new Set(members.map((member) => member.email));
  return users.filter((user) => known.has(user.email));
}

/**
 * The sign-in link for a demo user, made as next-auth's email provider makes one (core/lib/email/signin.js: a random
 * token, stored as sha256(token + secret) with its expiry), so next-auth's own email callback checks it, uses it up
 * and opens the session: the same path, events and audit entry as a link from the mail. Relative, so it works on
 * whatever host the browser reached. Null outside demo mode and for anyone who is not a seeded demo user.
 */
export async function demoSignInPath(email: string, callbackUrl = "/dashboard"): Promise<string | null> {
  const secret = env().NEXTAUTH_SECRET;
  if (!isDemoMode() || !secret) return null;
  if (!(await listDemoSignIns()).some((user) => user.email === email)) return null;
  const token = randomBytes(32).toString("hex");
  await db.verificationToken.create({
    data: {
      identifier: email,
      token: createHash("sha256").update(`${token}${secret}`).digest("hex"),
      expires: new Date(Date.now() + MAGIC_LINK_MINUTES * 60_000),
    },
  });
  return `/api/auth/callback/email?${new URLSearchParams({ callbackUrl, token, email })}`;
}
