/** Sign-in links are single-use (next-auth deletes the token on use) and short-lived: a leaked mail goes stale fast. */
export const MAGIC_LINK_MINUTES = 30;
