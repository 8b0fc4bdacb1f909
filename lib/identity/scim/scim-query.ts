import { ScimError } from "./scim-errors";

// What identity providers filter on (RFC 7644 §3.4.2.2): one attribute, "eq", a quoted value. Okta and Entra ID
// look people up by userName (or externalId) and groups by displayName before they create them.
const FILTER = /^\s*([A-Za-z.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

export function parseEqFilter(filter: string | null, attributes: readonly string[]): { attribute: string; value: string } | null {
  if (!filter) return null;
  const match = filter.match(FILTER);
  const attribute = attributes.find((name) => name.toLowerCase() === match?.[1]?.toLowerCase());
  if (!match || !attribute) throw new ScimError(400, `Supported filters: ${attributes.map((a) => `${a} eq "…"`).join(", ")}`, "invalidFilter");
  return { attribute, value: match[2]!.replace(/\\(.)/g, "$1") };
}

/** startIndex is 1-based (RFC 7644 §3.4.2.4); count is capped so one page stays small. */
export function pageOf(url: URL): { skip: number; take: number; startIndex: number } {
  const startIndex = Math.max(1, Number.parseInt(url.searchParams.get("startIndex") ?? "1", 10) || 1);
  const count = Number.parseInt(url.searchParams.get("count") ?? "100", 10);
  const take = Math.min(200, Math.max(0, Number.isNaN(count) ? 100 : count));
  return { skip: startIndex - 1, take, startIndex };
}

export function listResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

export type PatchOperation = { op: "add" | "remove" | "replace"; path: string | null; value: unknown };

/**
 * A PATCH body's operations, as the providers really send them: Entra ID writes "Replace" and "False" as text, Okta
 * sends a value object without a path.
 */
export function patchOperationsOf(body: Record<string, unknown>): PatchOperation[] {
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) throw new ScimError(400, "A PATCH needs Operations", "invalidSyntax");
  return operations.map((raw) => {
    const op = String((raw as { op?: unknown }).op ?? "").toLowerCase();
    if (op !== "add" && op !== "remove" && op !== "replace") throw new ScimError(400, `Unknown PATCH op "${(raw as { op?: unknown }).op}"`, "invalidSyntax");
    const path = (raw as { path?: unknown }).path;
    return { op, path: typeof path === "string" && path ? path : null, value: (raw as { value?: unknown }).value };
  });
}

/** true, false, "True", "false": the booleans providers send. */
export function booleanOf(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  throw new ScimError(400, `Expected true or false, not ${JSON.stringify(value)}`, "invalidValue");
}
