import { NotFoundError } from "./tenant";

/**
 * For a write by id that names the tenant in its own where ({ id, organizationId }): one statement, so nothing can
 * change between a check and the write. Prisma answers "no such row" with P2025; to the caller that is the same
 * NotFoundError as an unknown id or another tenant's.
 */
export async function orNotFound<T>(what: string, write: PromiseLike<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { code?: string }).code === "P2025") throw new NotFoundError(what);
    throw error;
  }
}
