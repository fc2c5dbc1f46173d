import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit, recordDenial } from "@/lib/audit/record-audit";
import { InvalidTransitionError, NotFoundError } from "@/lib/errors";
import { vault } from "@/lib/server/pii/vault";
import type { RevealContactInput } from "@/lib/schemas/instructions";
import { findInstructionInScope } from "./find-instruction-in-scope";

const ACTION_BY_FIELD = { phone: "instruction.revealPhone", address: "instruction.revealAddress" } as const;

/**
 * The full phone or address of the person for the officers an instruction was sent to, while
 * their station holds it open: the instruction is the reason. Each reveal is audited; the value
 * never goes into the trail. (The alert's own number: the one the warning is about.)
 */
export async function revealInstructionContact(actor: Actor, input: RevealContactInput): Promise<string> {
  await assertCan(actor, "instruction.revealContact", { type: "instruction", id: input.instructionId });
  const action = ACTION_BY_FIELD[input.field];
  const result = await db.$transaction(async (tx) => {
    const instruction = await findInstructionInScope(actor, input.instructionId, "instruction.revealContact", {
      id: true,
      status: true,
      alert: { select: { phoneSealed: true, addressSealed: true } },
    }, tx);
    if (!["AT_STATION", "SIGNED_OFF", "ON_SITE"].includes(instruction.status)) return { refused: true as const };
    const sealed = input.field === "phone" ? instruction.alert.phoneSealed : instruction.alert.addressSealed;
    if (!sealed) throw new NotFoundError();
    const value = vault().open(input.field, sealed);
    await recordAudit(tx, actor, { action, outcome: "SUCCESS", entityType: "instruction", entityId: instruction.id, details: { field: input.field } });
    return { refused: false as const, value };
  });
  if (result.refused) {
    await recordDenial(actor, { action, entityType: "instruction", entityId: input.instructionId, details: { reason: "instructionClosed" } });
    throw new InvalidTransitionError();
  }
  return result.value;
}
