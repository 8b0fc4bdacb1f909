/** A business rule rejected the input; fieldErrors are shown next to the fields like zod's messages. */
export class InputError extends Error {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors).join(" "));
    this.name = "InputError";
  }
}

/** Prisma's unique-constraint violation, turned into a message for the field that must be unique. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
