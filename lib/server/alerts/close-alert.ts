import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, ValidationError } from "@/lib/errors";
import type { CloseAlertInput } from "@/lib/schemas/triage";
import { openOrJoinCase } from "@/lib/server/cases/open-or-join-case";
import { changeAlert } from "./change-alert";

/**
 * Closes the alert with its outcome. 无法联系 needs at least one recorded attempt; 已被骗 needs
 * the loss and opens a case (立案) for it in the same transaction, scoped like the alert.
 */
export async function closeAlert(actor: Actor, input: CloseAlertInput): Promise<{ version: number; caseId: string | null }> {
  let caseId: string | null = null;
  const result = await changeAlert(actor, input, "close", async (tx, alert) => {
    if (input.outcome === "UNREACHABLE" && (await tx.contactAttempt.count({ where: { alertId: alert.id } })) === 0) {
      throw new DomainError("needsAttempt");
    }
    if (input.outcome === "DEFRAUDED") {
      if (input.lossFen === undefined || input.lossFen <= 0n) throw new ValidationError("validation.lossRequired", "lossYuan");
      caseId = (await openOrJoinCase(tx, actor, alert, { lossFen: input.lossFen })).caseId;
    }
    return {
      data: {
        status: "CLOSED",
        outcome: input.outcome,
        closedAt: new Date(),
        closedById: actor.userId,
        lossFen: input.outcome === "DEFRAUDED" ? input.lossFen : null,
      },
      event: "CLOSED",
      text: input.note,
      details: { outcome: input.outcome, ...(caseId ? { caseId, lossFen: input.lossFen!.toString() } : {}) },
    };
  });
  return { ...result, caseId };
}
