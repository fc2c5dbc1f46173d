// Every domain function of the money workflow, tried by every role, and from outside the
// jurisdiction (another bank's desk, the second city 临川 on 江州's records). A refusal leaves one
// audit row and nothing else; whoever may, is served.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Role } from "@/prisma/generated/client/enums";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import {
  AnswerFreezeSchema,
  AnswerStopSchema,
  ApproveRequestSchema,
  FileCaseNumberSchema,
  FileFollowUpRequestSchema,
  FileProtectiveStopSchema,
  FileStopSchema,
  RecordReturnSchema,
  RefuseRequestSchema,
  RequestStepSchema,
} from "@/lib/schemas/cases";
import { fileStop } from "@/lib/server/bank-requests/file-stop";
import { fileProtectiveStop } from "@/lib/server/bank-requests/file-protective-stop";
import { fileFollowUpRequest } from "@/lib/server/bank-requests/file-follow-up-request";
import { approveBankRequest } from "@/lib/server/bank-requests/approve-bank-request";
import { acceptBankRequest } from "@/lib/server/bank-requests/accept-bank-request";
import { answerStop } from "@/lib/server/bank-requests/answer-stop";
import { answerFreeze } from "@/lib/server/bank-requests/answer-freeze";
import { refuseBankRequest } from "@/lib/server/bank-requests/refuse-bank-request";
import { recordReturn } from "@/lib/server/bank-requests/record-return";
import { cancelBankRequest } from "@/lib/server/bank-requests/cancel-bank-request";
import { revealRequestAccount } from "@/lib/server/bank-requests/reveal-request-account";
import { fileCaseNumber } from "@/lib/server/cases/file-case-number";
import { openTestDatabase } from "../../support/test-database";
import { CITY_ACCOUNTS, INSTALLATION_ACCOUNTS } from "../../support/actors";
import { account, newAlertAt } from "../../support/instruction-factory";
import { bankIdOf, freshCard, moneyAt, type MadeRequest, type MoneyStage } from "../../support/money-factory";
import { expectOtherRolesRefused, expectRefusal } from "../../support/refusals";

await openTestDatabase("demo");

const FILERS: readonly Role[] = ["ANALYST", "SUPERVISOR"];
const ANSWERERS: readonly Role[] = ["BANK_LIAISON", "ANALYST", "SUPERVISOR"];

interface Row {
  name: string;
  allowed: readonly Role[];
  /** Who in 江州 is served (by username): the relation to the request decides among the allowed roles. */
  servedBy: string;
  stage: MoneyStage | "alert";
  /** What the denial names: the alert for a filing from an alert, the case, the transfer, or the request. */
  names: "alert" | "case" | "transfer" | "request";
  call: (a: Actor, t: MadeRequest) => Promise<unknown>;
}

const step = (t: MadeRequest) => ({ requestId: t.requestId, version: t.version });
const stopFromAlert = async (t: MadeRequest) =>
  FileStopSchema.parse({ alertId: t.alertId, bankId: await bankIdOf("CCB"), account: freshCard(), amountYuan: "300.00", transferredAt: "2026-12-01T09:40" });

const ROWS: Row[] = [
  { name: "fileStop", allowed: FILERS, servedBy: "analyst1", stage: "alert", names: "alert", call: async (a, t) => fileStop(a, await stopFromAlert(t)) },
  {
    name: "fileProtectiveStop",
    allowed: FILERS,
    servedBy: "analyst1",
    stage: "alert",
    names: "alert",
    call: async (a, t) => fileProtectiveStop(a, FileProtectiveStopSchema.parse({ alertId: t.alertId, bankId: await bankIdOf("ABC"), account: freshCard(), amountYuan: "20000" })),
  },
  {
    name: "fileFollowUpRequest(FREEZE)",
    allowed: FILERS,
    servedBy: "analyst1",
    stage: "stopped",
    names: "transfer",
    call: (a, t) => fileFollowUpRequest(a, FileFollowUpRequestSchema.parse({ transferId: t.transferId, kind: "FREEZE", amountYuan: "1000", termMonths: "6" })),
  },
  { name: "fileCaseNumber", allowed: FILERS, servedBy: "analyst1", stage: "stopSent", names: "case", call: (a, t) => fileCaseNumber(a, FileCaseNumberSchema.parse({ caseId: t.caseId, version: 1, caseNumber: `A${t.caseId.slice(0, 12)}` })) },
  {
    name: "approveBankRequest",
    allowed: ["SUPERVISOR"],
    servedBy: "leader",
    stage: "freezeAwaitingApproval",
    names: "request",
    call: (a, t) => approveBankRequest(a, ApproveRequestSchema.parse({ ...step(t), noticeNumber: "江公(反诈)冻字〔2026〕0099号" })),
  },
  { name: "acceptBankRequest", allowed: ANSWERERS, servedBy: "bank.icbc", stage: "stopSent", names: "request", call: (a, t) => acceptBankRequest(a, RequestStepSchema.parse(step(t))) },
  { name: "answerStop", allowed: ANSWERERS, servedBy: "bank.icbc", stage: "stopSent", names: "request", call: (a, t) => answerStop(a, AnswerStopSchema.parse({ ...step(t), stoppedYuan: "400.00" })) },
  { name: "answerFreeze", allowed: ANSWERERS, servedBy: "bank.icbc", stage: "freezeSent", names: "request", call: (a, t) => answerFreeze(a, AnswerFreezeSchema.parse({ ...step(t), frozenYuan: "1000" })) },
  { name: "refuseBankRequest", allowed: ANSWERERS, servedBy: "bank.icbc", stage: "stopSent", names: "request", call: (a, t) => refuseBankRequest(a, RefuseRequestSchema.parse({ ...step(t), note: "户名与账号不符" })) },
  {
    name: "recordReturn",
    allowed: ANSWERERS,
    servedBy: "bank.icbc",
    stage: "returnAccepted",
    names: "request",
    call: (a, t) => recordReturn(a, RecordReturnSchema.parse({ ...step(t), amountYuan: "600", returnedOn: "2026-12-03", receiptNumber: "HZ20261203001" })),
  },
  { name: "cancelBankRequest", allowed: FILERS, servedBy: "analyst1", stage: "stopSent", names: "request", call: (a, t) => cancelBankRequest(a, RequestStepSchema.parse(step(t))) },
  { name: "revealRequestAccount", allowed: ["BANK_LIAISON", "ANALYST", "SUPERVISOR"], servedBy: "bank.icbc", stage: "stopSent", names: "request", call: (a, t) => revealRequestAccount(a, { requestId: t.requestId, reason: "核对账户信息" }) },
];

async function prepare(row: Row): Promise<MadeRequest> {
  if (row.stage === "alert") return { alertId: await newAlertAt("D01S01"), caseId: "", transferId: "", requestId: "", stopRequestId: "", version: 1 };
  return moneyAt(row.stage);
}

const idOf = (row: Row, t: MadeRequest) => ({ alert: t.alertId, case: t.caseId, transfer: t.transferId, request: t.requestId })[row.names];

const everyone = () => Promise.all([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS].map(account));

beforeAll(async () => {
  for (const username of [...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, "lc.analyst1", "lc.leader", "lc.bank.icbc", "bank.ccb"]) await account(username);
});

describe("money functions refuse every role they are not for", () => {
  it.each(ROWS.map((row) => [row.name, row] as const))("%s", async (_, row) => {
    const t = await prepare(row);
    await expectOtherRolesRefused(row.name, await everyone(), row.allowed, (a) => row.call(a, t), idOf(row, t));
    await row.call(await account(row.servedBy), await prepare(row));
  });
});

describe("money functions refuse outsiders as not found", () => {
  it.each(ROWS.map((row) => [row.name, row] as const))("%s: 临川's staff on 江州's records", async (_, row) => {
    const outsider = await account(row.allowed.includes("ANALYST") ? "lc.analyst1" : "lc.leader");
    const t = await prepare(row);
    await expectRefusal(`${outsider.username} ${row.name}`, outsider, () => row.call(outsider, t), { error: NotFoundError, reason: "jurisdiction", entityId: idOf(row, t) });
    await row.call(await account(row.servedBy), t);
  });

  it.each(ROWS.filter((r) => r.servedBy === "bank.icbc").map((row) => [row.name, row] as const))("%s: another bank's desk, and 临川's desk of the same bank", async (_, row) => {
    const t = await prepare(row);
    for (const outsider of [await account("bank.ccb"), await account("lc.bank.icbc")]) {
      await expectRefusal(`${outsider.username} ${row.name}`, outsider, () => row.call(outsider, t), { error: NotFoundError, reason: "jurisdiction", entityId: idOf(row, t) });
    }
    await row.call(await account("bank.icbc"), t);
  });
});

describe("approval rules", () => {
  it("a stop never waits: it is at the bank's desk the moment it is filed", async () => {
    const t = await moneyAt("stopSent");
    expect((await db.bankRequest.findUniqueOrThrow({ where: { id: t.requestId }, select: { status: true, viaDesk: true } }))).toEqual({ status: "SENT", viaDesk: true });
  });

  it("nobody approves their own request: a supervisor who filed a freeze is refused, audited, nothing changed", async () => {
    const leader = await account("leader");
    const t = await moneyAt("freezeAwaitingApproval", { filer: leader });
    await expectRefusal("leader approves own freeze", leader, () => approveBankRequest(leader, ApproveRequestSchema.parse({ ...step(t), noticeNumber: "江公(反诈)冻字〔2026〕0100号" })), {
      error: Error,
      reason: "selfApproval",
      entityId: t.requestId,
    });
  });

  it("the forbidden refusal comes before anything is looked up", async () => {
    const t = await moneyAt("stopSent");
    const officer = await account("officer.d01s01");
    await expectRefusal("officer answers a stop", officer, () => answerStop(officer, AnswerStopSchema.parse({ ...step(t), stoppedYuan: "1" })), { error: ForbiddenError, reason: "role", entityId: t.requestId });
  });
});
