import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit, recordDenial } from "@/lib/audit/record-audit";
import { ConflictError, DomainError } from "@/lib/errors";
import { checkNoticeStep } from "@/lib/instructions/supervision-notice-state";
import type { NoticeCommentInput } from "@/lib/schemas/instructions";
import { notify } from "@/lib/server/notifications/notify";
import { recipients, writeInstructionEvent } from "./change-instruction";
import { findInstructionInScope } from "./find-instruction-in-scope";

/**
 * 督: a supervisor of the city or the coordinator of the district comments on a supervision
 * notice, and may require the station's reply (once pending at a time). The station hears of it.
 */
export async function commentOnNotice(actor: Actor, input: NoticeCommentInput): Promise<void> {
  await assertCan(actor, "instruction.supervise", { type: "instruction", id: input.instructionId });
  let refusal: string | null = null;
  try {
    await db.$transaction(async (tx) => {
      const instruction = await findInstructionInScope(actor, input.instructionId, "instruction.supervise", {
        id: true,
        cityId: true,
        districtId: true,
        stationId: true,
        notice: { select: { id: true, replyRequiredAt: true, repliedAt: true, version: true } },
      }, tx);
      refusal = checkNoticeStep(instruction.notice, input.requireReply ? "requireReply" : "comment");
      if (refusal) throw new Refused();
      const now = new Date();
      if (input.requireReply) {
        // Two supervisors requiring a reply at once: the second finds the version moved and gets a conflict.
        const required = await tx.supervisionNotice.updateMany({
          where: { id: instruction.notice!.id, version: instruction.notice!.version },
          data: { replyRequiredAt: now, replyRequiredById: actor.userId, version: { increment: 1 } },
        });
        if (required.count === 0) throw new ConflictError();
      }
      await writeInstructionEvent(tx, actor, instruction, { kind: input.requireReply ? "REPLY_REQUIRED" : "SUPERVISION_COMMENT", text: input.text });
      await recordAudit(tx, actor, {
        action: input.requireReply ? "instruction.require_reply" : "instruction.supervision_comment",
        outcome: "SUCCESS",
        entityType: "instruction",
        entityId: instruction.id,
      });
      const holder = instruction.stationId ? recipients.station(instruction.stationId) : recipients.district(instruction.districtId);
      await notify(tx, { cityId: instruction.cityId, kind: input.requireReply ? "REPLY_REQUIRED" : "SUPERVISION_NOTICE", instructionId: instruction.id }, { ...holder, exceptUserId: actor.userId });
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    await recordDenial(actor, { action: input.requireReply ? "instruction.require_reply" : "instruction.supervision_comment", entityType: "instruction", entityId: input.instructionId, details: { reason: refusal } });
    throw refusal === "invalidTransition" ? new DomainError("invalidTransition") : new DomainError(refusal!);
  }
}

class Refused extends Error {}
