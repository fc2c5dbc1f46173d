import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, ValidationError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/server/db-errors";
import type { FileCaseNumberInput } from "@/lib/schemas/cases";
import { findCaseInScope } from "./find-case-in-scope";

/** 立案: the criminal case is opened (after the stop: 先止付、再立案、后冻结) and the case gets its number, unique in the city. */
export async function fileCaseNumber(actor: Actor, input: FileCaseNumberInput): Promise<{ version: number }> {
  await assertCan(actor, "case.file", { type: "case", id: input.caseId });
  try {
    return await db.$transaction(async (tx) => {
      const fraudCase = await findCaseInScope(actor, input.caseId, "case.file", { id: true, cityId: true, status: true, version: true }, tx);
      if (fraudCase.status !== "OPEN") throw new ValidationError("money.errors.caseAlreadyFiled", "caseNumber");
      const updated = await tx.fraudCase.updateMany({
        where: { id: fraudCase.id, version: input.version },
        data: { status: "FILED", caseNumber: input.caseNumber, filedAt: new Date(), version: { increment: 1 } },
      });
      if (updated.count === 0) throw new ConflictError("money.errors.caseChanged");
      await recordAudit(tx, actor, { action: "case.file_number", outcome: "SUCCESS", entityType: "case", entityId: fraudCase.id, details: { caseNumber: input.caseNumber } });
      return { version: input.version + 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError("money.errors.caseNumberTaken", "caseNumber");
    throw error;
  }
}
