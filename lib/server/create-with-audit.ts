import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ValidationError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/server/db-errors";

/**
 * Creates one record and its audit row in the same transaction. When a unique constraint refuses
 * it (the username, code or name is taken), the caller's field gets `duplicate` as its error and
 * nothing is written.
 */
export async function createWithAudit<T extends { id: string }>(
  actor: Actor,
  audit: { action: string; entityType: string; details?: (created: T) => Prisma.InputJsonValue },
  duplicate: { code: string; field: string },
  create: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      const created = await create(tx);
      await recordAudit(tx, actor, {
        action: audit.action,
        outcome: "SUCCESS",
        entityType: audit.entityType,
        entityId: created.id,
        details: audit.details?.(created),
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError(duplicate.code, duplicate.field);
    throw error;
  }
}
