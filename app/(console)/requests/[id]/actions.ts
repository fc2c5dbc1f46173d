"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  AnswerDoneSchema,
  AnswerFreezeSchema,
  AnswerStopSchema,
  ApproveRequestSchema,
  RecordReturnSchema,
  RefuseRequestSchema,
  RequestStepSchema,
  RevealRequestAccountSchema,
} from "@/lib/schemas/cases";
import { acceptBankRequest } from "@/lib/server/bank-requests/accept-bank-request";
import { answerStop } from "@/lib/server/bank-requests/answer-stop";
import { answerFreeze } from "@/lib/server/bank-requests/answer-freeze";
import { answerDone } from "@/lib/server/bank-requests/answer-done";
import { refuseBankRequest } from "@/lib/server/bank-requests/refuse-bank-request";
import { recordReturn } from "@/lib/server/bank-requests/record-return";
import { cancelBankRequest } from "@/lib/server/bank-requests/cancel-bank-request";
import { approveBankRequest } from "@/lib/server/bank-requests/approve-bank-request";
import { revealRequestAccount } from "@/lib/server/bank-requests/reveal-request-account";

// Every step on a request to a bank. Its id and the version the user saw are bound on the server
// side of each form; whatever the outcome, the request's page and the desk are revalidated, so a
// conflict ("someone else answered it") shows its message and the fresh state together.
const bound = ["requestId", "version"] as const;
const revalidate = { paths: (_: unknown, b: Record<string, string>) => [`/requests/${b.requestId}`, "/bank-desk"], always: true };

export const acceptRequestAction = defineAction({
  schema: RequestStepSchema,
  bound,
  run: (actor, input) => acceptBankRequest(actor, input),
  success: () => ({ message: "bankRequestPage.accept.done" }),
  revalidate,
});

export const answerStopAction = defineAction({
  schema: AnswerStopSchema,
  bound,
  run: (actor, input) => answerStop(actor, input),
  success: (r) => ({ message: "bankRequestPage.answerStop.done", values: { followOns: r.followOnRequestIds.length } }),
  revalidate,
});

export const answerFreezeAction = defineAction({
  schema: AnswerFreezeSchema,
  bound,
  run: (actor, input) => answerFreeze(actor, input),
  success: () => ({ message: "bankRequestPage.answerFreeze.done" }),
  revalidate,
});

export const answerDoneAction = defineAction({
  schema: AnswerDoneSchema,
  bound,
  run: (actor, input) => answerDone(actor, input),
  success: () => ({ message: "bankRequestPage.answerDone.done" }),
  revalidate,
});

export const recordReturnAction = defineAction({
  schema: RecordReturnSchema,
  bound,
  run: (actor, input) => recordReturn(actor, input),
  success: () => ({ message: "bankRequestPage.recordReturn.done" }),
  revalidate,
});

export const refuseRequestAction = defineAction({
  schema: RefuseRequestSchema,
  bound,
  run: (actor, input) => refuseBankRequest(actor, input),
  success: () => ({ message: "bankRequestPage.refuse.done" }),
  revalidate,
});

export const cancelRequestAction = defineAction({
  schema: RequestStepSchema,
  bound,
  run: (actor, input) => cancelBankRequest(actor, input),
  success: () => ({ message: "bankRequestPage.cancel.done" }),
  revalidate,
});

export const approveRequestAction = defineAction({
  schema: ApproveRequestSchema,
  bound,
  run: (actor, input) => approveBankRequest(actor, input),
  success: () => ({ message: "bankRequestPage.approve.done" }),
  revalidate,
});

/** The full account and holder, with the typed reason (audited); answered into the form's state only, never a URL. */
export const revealRequestAccountAction = defineAction({
  schema: RevealRequestAccountSchema,
  bound: ["requestId"] as const,
  run: (actor, input) => revealRequestAccount(actor, input),
  success: (r) => ({ data: { account: r.account, holder: r.holder ?? "" } }),
});
