// Money workflow data for a test, made through the domain functions (real filing, approval and
// answers), each with a receiving account of its own (an account can be stopped only twice).
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AnswerFreezeSchema, AnswerStopSchema, ApproveRequestSchema, FileFollowUpRequestSchema, FileStopSchema } from "@/lib/schemas/cases";
import { fileStop } from "@/lib/server/bank-requests/file-stop";
import { answerStop } from "@/lib/server/bank-requests/answer-stop";
import { fileFollowUpRequest } from "@/lib/server/bank-requests/file-follow-up-request";
import { approveBankRequest } from "@/lib/server/bank-requests/approve-bank-request";
import { answerFreeze } from "@/lib/server/bank-requests/answer-freeze";
import { createNewAlerts } from "./alert-factory";

/** A corporate-style account (18 digits, not card-like: no check digit), unique to the test run. */
export function newAccountNumber(): string {
  return `1${String(randomInt(0, 1e9)).padStart(9, "0")}${String(randomInt(0, 1e8)).padStart(8, "0")}`;
}

/** The bank with a desk in 江州 (its liaison is `bank.icbc`). */
export async function deskBankId(): Promise<string> {
  return (await db.bank.findFirstOrThrow({ where: { code: "ICBC" }, select: { id: true } })).id;
}

export interface FiledStop {
  requestId: string;
  caseId: string;
  transferId: string;
  account: string;
}

/** A stop of ¥{amount} filed by `analyst` from a new alert, sent to ICBC's desk. */
export async function fileTestStop(analyst: Actor, opts: { amountYuan?: string; holder?: string } = {}): Promise<FiledStop> {
  const [alertId] = await createNewAlerts(1, { riskLevel: "URGENT" });
  const account = newAccountNumber();
  const input = FileStopSchema.parse({
    alertId,
    bankId: await deskBankId(),
    account,
    holder: opts.holder ?? "李四",
    amountYuan: opts.amountYuan ?? "5000",
    transferredAt: "2026-01-05T10:30",
  });
  const { requestId, caseId } = await fileStop(analyst, input);
  const { transferId } = await db.bankRequest.findUniqueOrThrow({ where: { id: requestId }, select: { transferId: true } });
  return { requestId, caseId, transferId: transferId!, account };
}

async function versionOf(requestId: string): Promise<number> {
  return (await db.bankRequest.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
}

/** The desk answers the stop: `stoppedYuan` held for 48 h from now. */
export async function answerTestStop(liaison: Actor, requestId: string, stoppedYuan = "5000"): Promise<void> {
  await answerStop(liaison, AnswerStopSchema.parse({ requestId, version: await versionOf(requestId), stoppedYuan }));
}

/** A freeze of the transfer's money filed by `analyst` (awaiting approval). */
export async function fileTestFreeze(analyst: Actor, transferId: string, amountYuan = "5000"): Promise<string> {
  return (await fileFollowUpRequest(analyst, FileFollowUpRequestSchema.parse({ transferId, kind: "FREEZE", amountYuan, termMonths: "6" }))).requestId;
}

/** Approved by `supervisor` with a notice number, then frozen in full by the desk. */
export async function completeTestFreeze(supervisor: Actor, liaison: Actor, requestId: string, frozenYuan = "5000"): Promise<void> {
  await approveBankRequest(supervisor, ApproveRequestSchema.parse({ requestId, version: await versionOf(requestId), noticeNumber: `江公冻字〔2026〕${randomInt(1000, 9999)}号` }));
  await answerFreeze(liaison, AnswerFreezeSchema.parse({ requestId, version: await versionOf(requestId), frozenYuan }));
}
