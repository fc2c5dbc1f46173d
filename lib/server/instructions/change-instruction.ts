import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { InstructionEventKind, NotificationKind } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Action } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit, recordDenial } from "@/lib/audit/record-audit";
import { ConflictError, DomainError, InvalidTransitionError } from "@/lib/errors";
import {
  checkInstructionTransition,
  type InstructionAction,
  type InstructionRefusal,
  type InstructionRelations,
} from "@/lib/instructions/instruction-state";
import { notify, type Recipients } from "@/lib/server/notifications/notify";
import { findInstructionInScope } from "./find-instruction-in-scope";
import { relationsOf } from "./instruction-relations";

// The shared frame of every step on an instruction (交、办、结), like the triage frame of an alert:
// the role may do this kind of step at all; the instruction is found inside the actor's
// jurisdiction; the state machine agrees given how the actor stands to it; then the change, its
// timeline event, its audit row and the notifications it causes, in one transaction. A refusal
// changes nothing and is audited as a denial after the rollback.

export const INSTRUCTION_AUDIT_ACTION: Record<InstructionAction, string> = {
  forward: "instruction.forward",
  reroute: "instruction.reroute",
  signOff: "instruction.sign_off",
  decline: "instruction.decline",
  setTeam: "instruction.set_team",
  checkIn: "instruction.check_in",
  visitAttempt: "instruction.visit_attempt",
  saveDraft: "instruction.save_draft",
  report: "instruction.report",
  close: "instruction.close",
  sendBack: "instruction.send_back",
  cancel: "instruction.cancel",
  chase: "instruction.chase",
};

/** The permission each step needs (the role check before the record is even looked up). */
const PERMISSION: Record<InstructionAction, Action> = {
  forward: "instruction.route",
  reroute: "instruction.route",
  signOff: "instruction.work",
  decline: "instruction.work",
  setTeam: "instruction.work",
  checkIn: "instruction.work",
  visitAttempt: "instruction.work",
  saveDraft: "instruction.work",
  report: "instruction.work",
  close: "instruction.route",
  sendBack: "instruction.route",
  cancel: "instruction.route",
  chase: "instruction.route",
};

const LOAD_SELECT = {
  id: true,
  cityId: true,
  districtId: true,
  stationId: true,
  alertId: true,
  issuerUnitId: true,
  issuedById: true,
  kind: true,
  status: true,
  riskLevel: true,
  version: true,
  issuedAt: true,
  routedAt: true,
  signOffDeadline: true,
  feedbackDeadline: true,
  escalateAt: true,
  checkedInAt: true,
  feedbackOutcome: true,
  metPerson: true,
  checks: true,
  lossAvoidedFen: true,
  lossFen: true,
  feedbackNote: true,
} as const;

export type LoadedInstruction = Prisma.InstructionGetPayload<{ select: typeof LOAD_SELECT }>;

class TransitionRefused extends Error {
  constructor(readonly refusal: InstructionRefusal) {
    super(refusal);
  }
}

function refusalError(refusal: InstructionRefusal): DomainError {
  return refusal === "invalidTransition" ? new InvalidTransitionError() : new DomainError(refusal);
}

export async function writeInstructionEvent(
  tx: Tx,
  actor: Pick<Actor, "userId"> | null,
  instruction: { id: string; cityId: string },
  event: InstructionEventInput,
): Promise<void> {
  await tx.instructionEvent.create({
    data: {
      cityId: instruction.cityId,
      instructionId: instruction.id,
      userId: actor?.userId ?? null,
      kind: event.kind,
      unitId: event.unitId ?? null,
      text: event.text ?? null,
      data: event.data,
    },
    select: { id: true },
  });
}

export interface InstructionEventInput {
  kind: InstructionEventKind;
  /** The unit the step concerns (the station it went to, the district that forwarded it). */
  unitId?: string | null;
  text?: string | null;
  data?: Prisma.InputJsonValue;
}

export interface InstructionNotice {
  kind: NotificationKind;
  to: Recipients;
}

export interface InstructionChange {
  data: Prisma.InstructionUncheckedUpdateManyInput;
  event: InstructionEventInput;
  /** Audit details: ids, codes, reasons — never personal data. */
  details?: Prisma.InputJsonValue;
  notices?: InstructionNotice[];
}

/** Who hears about a step at the station / district / issuer. */
export const recipients = {
  station: (stationId: string): Recipients => ({ units: [{ unitId: stationId, roles: ["STATION_OFFICER"] }] }),
  district: (districtId: string): Recipients => ({ units: [{ unitId: districtId, roles: ["DISTRICT_COORDINATOR"] }] }),
  /** The issuing unit: the analyst who issued it, or the district's coordinators when a district did. */
  issuer: (instruction: { issuerUnitId: string; issuedById: string; cityId: string }): Recipients =>
    instruction.issuerUnitId === instruction.cityId
      ? { userIds: [instruction.issuedById] }
      : { units: [{ unitId: instruction.issuerUnitId, roles: ["DISTRICT_COORDINATOR"] }] },
};

/**
 * Runs one step: the instruction in scope, the state machine's verdict for this actor, then `body`
 * in the same transaction. `body` returns the step's result.
 */
export async function runInstructionStep<T>(
  actor: Actor,
  instructionId: string,
  action: InstructionAction,
  body: (tx: Tx, instruction: LoadedInstruction, relations: InstructionRelations) => Promise<T>,
): Promise<T> {
  await assertCan(actor, PERMISSION[action], { type: "instruction", id: instructionId });
  try {
    return await db.$transaction(async (tx) => {
      const instruction = await findInstructionInScope(actor, instructionId, PERMISSION[action], LOAD_SELECT, tx);
      const relations = relationsOf(actor, instruction);
      const refusal = checkInstructionTransition(instruction, action, relations);
      if (refusal) throw new TransitionRefused(refusal);
      return body(tx, instruction, relations);
    });
  } catch (error) {
    if (!(error instanceof TransitionRefused)) throw error;
    await recordDenial(actor, { action: INSTRUCTION_AUDIT_ACTION[action], entityType: "instruction", entityId: instructionId, details: { reason: error.refusal } });
    throw refusalError(error.refusal);
  }
}

/** Writes a step's timeline event, audit row and notifications (the change itself is the caller's). */
export async function recordInstructionStep(
  tx: Tx,
  actor: Actor,
  instruction: { id: string; cityId: string },
  action: InstructionAction,
  change: Omit<InstructionChange, "data">,
): Promise<void> {
  await writeInstructionEvent(tx, actor, instruction, change.event);
  await recordAudit(tx, actor, { action: INSTRUCTION_AUDIT_ACTION[action], outcome: "SUCCESS", entityType: "instruction", entityId: instruction.id, details: change.details });
  for (const notice of change.notices ?? []) {
    await notify(tx, { cityId: instruction.cityId, kind: notice.kind, instructionId: instruction.id }, { ...notice.to, exceptUserId: actor.userId });
  }
}

/**
 * Runs one versioned step: it applies only if nobody acted on the instruction since the user saw
 * `version` (otherwise a conflict, and nothing is written).
 */
export async function changeInstruction(
  actor: Actor,
  input: { instructionId: string; version: number },
  action: InstructionAction,
  change: (tx: Tx, instruction: LoadedInstruction, relations: InstructionRelations) => Promise<InstructionChange>,
): Promise<{ version: number }> {
  return runInstructionStep(actor, input.instructionId, action, async (tx, instruction, relations) => {
    if (instruction.version !== input.version) throw new ConflictError("instructionChanged");
    const { data, ...rest } = await change(tx, instruction, relations);
    const updated = await tx.instruction.updateMany({
      where: { id: instruction.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("instructionChanged");
    await recordInstructionStep(tx, actor, instruction, action, rest);
    return { version: input.version + 1 };
  });
}
