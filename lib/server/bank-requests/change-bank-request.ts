import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { NotificationKind } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Action } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit, recordDenial } from "@/lib/audit/record-audit";
import { ConflictError, DomainError, InvalidTransitionError } from "@/lib/errors";
import {
  checkRequestTransition,
  type BankRequestAction,
  type BankRequestRefusal,
  type RequestRelations,
} from "@/lib/cases/bank-request-state";
import { notify, type Recipients } from "@/lib/server/notifications/notify";
import { findBankRequestInScope } from "./find-bank-request-in-scope";

// The shared frame of every step on a request to a bank, like the dispatch chain's: the role may
// take this kind of step at all; the request is found inside the actor's jurisdiction (a bank's
// desk only its own bank's); the state machine agrees given how the actor stands to it; the row
// version matches what the user saw; then the change, its audit row and its notifications in one
// transaction. A refusal changes nothing and is audited as a denial after the rollback.

export const BANK_REQUEST_AUDIT_ACTION: Record<BankRequestAction, string> = {
  approve: "bankRequest.approve",
  accept: "bankRequest.accept",
  answer: "bankRequest.record_result",
  refuse: "bankRequest.refuse",
  recordReturn: "bankRequest.record_return",
  cancel: "bankRequest.cancel",
};

const PERMISSION: Record<BankRequestAction, Action> = {
  approve: "case.approve",
  accept: "bankRequest.answer",
  answer: "bankRequest.answer",
  refuse: "bankRequest.answer",
  recordReturn: "bankRequest.answer",
  cancel: "case.file",
};

export const REQUEST_LOAD_SELECT = {
  id: true,
  cityId: true,
  districtId: true,
  stationId: true,
  caseId: true,
  alertId: true,
  transferId: true,
  bankId: true,
  kind: true,
  status: true,
  viaDesk: true,
  accountIndex: true,
  amountFen: true,
  termMonths: true,
  filedById: true,
  filedAt: true,
  replyBy: true,
  approvedAt: true,
  version: true,
} as const;

export type LoadedBankRequest = Prisma.BankRequestGetPayload<{ select: typeof REQUEST_LOAD_SELECT }>;

/** How the actor stands to a request: the server derives it, never the client. */
export function requestRelationsOf(actor: Actor, request: Pick<LoadedBankRequest, "filedById" | "viaDesk" | "bankId">): RequestRelations {
  const cityStaff = actor.role === "ANALYST" || actor.role === "SUPERVISOR";
  return {
    filer: request.filedById === actor.userId,
    supervisor: actor.role === "SUPERVISOR",
    answerer: request.viaDesk ? actor.role === "BANK_LIAISON" && actor.bankId === request.bankId : cityStaff,
  };
}

class TransitionRefused extends Error {
  constructor(readonly refusal: BankRequestRefusal) {
    super(refusal);
  }
}

function refusalError(refusal: BankRequestRefusal): DomainError {
  return refusal === "invalidTransition" ? new InvalidTransitionError() : new DomainError(`money.errors.${refusal}`);
}

export interface BankRequestNotice {
  kind: NotificationKind;
  to: Recipients;
}

export interface BankRequestChange {
  data: Prisma.BankRequestUncheckedUpdateManyInput;
  /** Audit details: ids, codes, amounts — never an account number or a name. */
  details?: Prisma.InputJsonValue;
  notices?: BankRequestNotice[];
}

/** Writes a step's audit row and notifications (the change itself is the caller's). */
export async function recordBankRequestStep(
  tx: Tx,
  actor: Actor,
  request: { id: string; cityId: string },
  action: BankRequestAction,
  change: Omit<BankRequestChange, "data">,
): Promise<void> {
  await recordAudit(tx, actor, { action: BANK_REQUEST_AUDIT_ACTION[action], outcome: "SUCCESS", entityType: "bank_request", entityId: request.id, details: change.details });
  for (const notice of change.notices ?? []) {
    await notify(tx, { cityId: request.cityId, kind: notice.kind, bankRequestId: request.id }, { ...notice.to, exceptUserId: actor.userId });
  }
}

/**
 * Runs one versioned step on a request: it applies only if nobody acted on it since the user saw
 * `version` (otherwise a conflict, and nothing is written). `change` may write more (transfers,
 * follow-on requests, returns) in the same transaction and returns the request's own update.
 */
export async function changeBankRequest<T = void>(
  actor: Actor,
  input: { requestId: string; version: number },
  action: BankRequestAction,
  change: (tx: Tx, request: LoadedBankRequest) => Promise<BankRequestChange & { result?: T }>,
): Promise<{ version: number; result: T | undefined }> {
  await assertCan(actor, PERMISSION[action], { type: "bank_request", id: input.requestId });
  try {
    return await db.$transaction(async (tx) => {
      const request = await findBankRequestInScope(actor, input.requestId, PERMISSION[action], REQUEST_LOAD_SELECT, tx);
      const refusal = checkRequestTransition(request, action, requestRelationsOf(actor, request));
      if (refusal) throw new TransitionRefused(refusal);
      if (request.version !== input.version) throw new ConflictError("money.errors.requestChanged");
      const { data, result, ...rest } = await change(tx, request);
      const updated = await tx.bankRequest.updateMany({ where: { id: request.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) throw new ConflictError("money.errors.requestChanged");
      await recordBankRequestStep(tx, actor, request, action, rest);
      return { version: input.version + 1, result };
    });
  } catch (error) {
    if (!(error instanceof TransitionRefused)) throw error;
    await recordDenial(actor, { action: BANK_REQUEST_AUDIT_ACTION[action], entityType: "bank_request", entityId: input.requestId, details: { reason: error.refusal } });
    throw refusalError(error.refusal);
  }
}
