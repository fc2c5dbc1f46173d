import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit, recordDenial } from "@/lib/audit/record-audit";
import { ConflictError, DomainError } from "@/lib/errors";
import { checkNoticeStep } from "@/lib/instructions/supervision-notice-state";
import type { NoticeReplySchema } from "@/lib/schemas/instructions";
import type { z } from "zod";
import { notify } from "@/lib/server/notifications/notify";
import { writeInstructionEvent } from "./change-instruction";
import { findInstructionInScope } from "./find-instruction-in-scope";

/** The station's reply to a supervision notice that requires one; the supervisors and the district hear of it. */
export async function replyToNotice(actor: Actor, input: z.infer<typeof NoticeReplySchema>): Promise<void> {
  await assertCan(actor, "instruction.work", { type: "instruction", id: input.instructionId });
  let refusal: string | null = null;
  try {
    await db.$transaction(async (tx) => {
      const instruction = await findInstructionInScope(actor, input.instructionId, "instruction.work", {
        id: true,
        cityId: true,
        districtId: true,
        notice: { select: { id: true, replyRequiredAt: true, repliedAt: true, version: true } },
      }, tx);
      refusal = checkNoticeStep(instruction.notice, "reply");
      if (refusal) throw new Refused();
      const updated = await tx.supervisionNotice.updateMany({
        where: { id: instruction.notice!.id, version: instruction.notice!.version },
        data: { reply: input.reply, repliedAt: new Date(), repliedById: actor.userId, version: { increment: 1 } },
      });
      // Another officer replied meanwhile: theirs is the reply.
      if (updated.count === 0) throw new ConflictError();
      await writeInstructionEvent(tx, actor, instruction, { kind: "REPLIED", text: input.reply });
      await recordAudit(tx, actor, { action: "instruction.reply", outcome: "SUCCESS", entityType: "instruction", entityId: instruction.id });
      await notify(
        tx,
        { cityId: instruction.cityId, kind: "SUPERVISION_REPLIED", instructionId: instruction.id },
        { units: [{ unitId: instruction.cityId, roles: ["SUPERVISOR"] }, { unitId: instruction.districtId, roles: ["DISTRICT_COORDINATOR"] }], exceptUserId: actor.userId },
      );
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    await recordDenial(actor, { action: "instruction.reply", entityType: "instruction", entityId: input.instructionId, details: { reason: refusal } });
    throw new DomainError(refusal!);
  }
}

class Refused extends Error {}
