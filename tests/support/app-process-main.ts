import { createInterface } from "node:readline";
import { authenticateApiKey, revokeApiKey } from "../../lib/api/api-keys";
import { revocationEpoch } from "../../lib/api/access-revoked";
import { findMemberForUser, removeMember } from "../../lib/members/members";

// The other end of tests/support/app-process.ts: one JSON command a line in, one JSON answer a line out.
type Command = { id: number; op: string; [field: string]: string | number };

const answers: Record<string, (command: Command) => Promise<unknown>> = {
  authenticate: async ({ key }) => (await authenticateApiKey(`Bearer ${key}`)) !== null,
  revokeKey: ({ organizationId, keyId }) => revokeApiKey({ organizationId: String(organizationId) }, String(keyId)).then(() => true),
  member: async ({ userId, organizationId }) => (await findMemberForUser(String(userId), String(organizationId))) !== null,
  removeMember: ({ organizationId, membershipId }) => removeMember({ organizationId: String(organizationId) }, String(membershipId)).then(() => true),
  listening: async () => revocationEpoch().trusted,
};

createInterface({ input: process.stdin }).on("line", async (line) => {
  const command = JSON.parse(line) as Command;
  const answer = await answers[command.op]!(command);
  process.stdout.write(`${JSON.stringify({ id: command.id, answer })}\n`);
});
