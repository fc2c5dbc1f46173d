// Money workflow records at a given stage, made through the domain functions as the users would:
// an analyst files a stop from a fresh alert; the bank's liaison answers; an analyst files a
// freeze or return; the supervisor approves. Each call makes its own alert, case and a fresh
// account number, so tests never share an account's two stops.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { luhnCheckDigit } from "@/lib/pii/bank-card";
import { AnswerFreezeSchema, AnswerStopSchema, ApproveRequestSchema, FileFollowUpRequestSchema, FileStopSchema, RequestStepSchema } from "@/lib/schemas/cases";
import { fileStop } from "@/lib/server/bank-requests/file-stop";
import { answerStop } from "@/lib/server/bank-requests/answer-stop";
import { answerFreeze } from "@/lib/server/bank-requests/answer-freeze";
import { fileFollowUpRequest } from "@/lib/server/bank-requests/file-follow-up-request";
import { approveBankRequest } from "@/lib/server/bank-requests/approve-bank-request";
import { acceptBankRequest } from "@/lib/server/bank-requests/accept-bank-request";
import { account, newAlertAt } from "./instruction-factory";

let serial = 0;

/** A valid UnionPay card number never used before in this process. */
export function freshCard(): string {
  const body = `6217${String(process.pid % 1000).padStart(3, "0")}${String(Date.now() % 1e6).padStart(6, "0")}${String(++serial % 1000).padStart(3, "0")}`;
  return body + luhnCheckDigit(body);
}

export async function bankIdOf(code: string): Promise<string> {
  return (await db.bank.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

export type MoneyStage = "stopSent" | "stopped" | "freezeAwaitingApproval" | "freezeSent" | "frozen" | "returnAccepted";

export interface MadeRequest {
  alertId: string;
  caseId: string;
  transferId: string;
  /** The request the stage is about (the stop, the freeze, the return). */
  requestId: string;
  /** The first stop on the transfer. */
  stopRequestId: string;
  version: number;
}

/**
 * A request at `stage` for a transfer of ¥1,000.00 to an account at `bank` (ICBC, which has a desk
 * in 江州's center), filed by analyst1 from a new alert at `stationCode`.
 */
export async function moneyAt(stage: MoneyStage, opts: { bank?: string; stationCode?: string; filer?: Actor } = {}): Promise<MadeRequest> {
  const bankCode = opts.bank ?? "ICBC";
  const filer = opts.filer ?? (await account("analyst1"));
  const liaison = await account(`bank.${bankCode.toLowerCase()}`);
  const leader = await account("leader");
  const alertId = await newAlertAt(opts.stationCode ?? "D01S01");
  const stop = await fileStop(filer, FileStopSchema.parse({ alertId, bankId: await bankIdOf(bankCode), account: freshCard(), holder: "王某某", amountYuan: "1000.00", transferredAt: "2026-12-01T09:30" }));
  const { id: transferId } = await db.caseTransfer.findFirstOrThrow({ where: { caseId: stop.caseId }, orderBy: { createdAt: "desc" }, select: { id: true } });
  const base = { alertId, caseId: stop.caseId, transferId, stopRequestId: stop.requestId };
  if (stage === "stopSent") return { ...base, requestId: stop.requestId, version: 1 };
  await answerStop(liaison, AnswerStopSchema.parse({ requestId: stop.requestId, version: 1, stoppedYuan: "1000.00" }));
  if (stage === "stopped") return { ...base, requestId: stop.requestId, version: 2 };
  const freeze = await fileFollowUpRequest(filer, FileFollowUpRequestSchema.parse({ transferId, kind: "FREEZE", amountYuan: "1000.00", termMonths: "6" }));
  if (stage === "freezeAwaitingApproval") return { ...base, requestId: freeze.requestId, version: 1 };
  await approveBankRequest(leader, ApproveRequestSchema.parse({ requestId: freeze.requestId, version: 1, noticeNumber: "江公(反诈)冻字〔2026〕0001号" }));
  if (stage === "freezeSent") return { ...base, requestId: freeze.requestId, version: 2 };
  await answerFreeze(liaison, AnswerFreezeSchema.parse({ requestId: freeze.requestId, version: 2, frozenYuan: "1000.00", balanceYuan: "1500.00" }));
  if (stage === "frozen") return { ...base, requestId: freeze.requestId, version: 3 };
  const ret = await fileFollowUpRequest(filer, FileFollowUpRequestSchema.parse({ transferId, kind: "RETURN", amountYuan: "1000.00" }));
  await approveBankRequest(leader, ApproveRequestSchema.parse({ requestId: ret.requestId, version: 1, noticeNumber: "江公(反诈)返字〔2026〕0001号", returnMode: "ORIGINAL" }));
  await acceptBankRequest(liaison, RequestStepSchema.parse({ requestId: ret.requestId, version: 2 }));
  return { ...base, requestId: ret.requestId, version: 3 };
}
