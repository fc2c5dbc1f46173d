// The bank liaison's desk and the one request page: a bank's liaison sees only its own bank's
// requests of its city (another bank's, or the same bank in another city: absent from the desk,
// "not found" and one denial row on the page); the desk is ordered by urgency with its clocks
// computed at the time given; the page never carries an unmasked account; two answers to one
// request at once: one wins, the other is refused and nothing of it is written.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { luhnCheckDigit } from "@/lib/pii/bank-card";
import { formatShanghai } from "@/lib/time";
import { AnswerStopSchema, FileStopSchema } from "@/lib/schemas/cases";
import { fileStop } from "@/lib/server/bank-requests/file-stop";
import { acceptBankRequest } from "@/lib/server/bank-requests/accept-bank-request";
import { answerStop } from "@/lib/server/bank-requests/answer-stop";
import { getBankRequest } from "@/lib/server/bank-requests/get-bank-request";
import { getBankDesk } from "@/lib/server/bank-desk/get-bank-desk";
import { openNotification } from "@/lib/server/notifications/open-notification";
import { getNotificationCentre } from "@/lib/server/notifications/get-notification-centre";
import { openTestDatabase } from "../../support/test-database";
import { signInAll } from "../../support/actors";
import { createNewAlerts } from "../../support/alert-factory";
import { expectListedWithout, expectRefusal } from "../../support/refusals";

await openTestDatabase("demo");

let actors: Record<string, Actor>;
const a = (username: string) => actors[username]!;
let bankId: Record<string, string>;

beforeAll(async () => {
  actors = await signInAll(["analyst1", "leader", "coord.d01", "coord.d02", "bank.icbc", "bank.abc", "lc.bank.icbc"]);
  const banks = await db.bank.findMany({ where: { code: { in: ["ICBC", "ABC"] } }, select: { code: true, id: true } });
  bankId = Object.fromEntries(banks.map((b) => [b.code, b.id]));
});

let serial = 0;
/** A Luhn-valid card number of its own (19 digits), so no two tests share an account's two stops. */
function card(): string {
  const body = `622202${String(Date.now() % 1e8).padStart(8, "0")}${String(++serial).padStart(4, "0")}`;
  return body + luhnCheckDigit(body);
}

const MINUTE = 60_000;

/** A stop filed by analyst1 of 江州 from a new alert at D01S01: the money left `minutesAgo` (whole minutes) ago. */
async function stop(bank: "ICBC" | "ABC", opts: { yuan?: string; minutesAgo?: number } = {}) {
  const [alertId] = await createNewAlerts(1);
  const account = card();
  const at = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - (opts.minutesAgo ?? 10) * MINUTE);
  const input = FileStopSchema.parse({ alertId, bankId: bankId[bank], account, holder: "张三", amountYuan: opts.yuan ?? "5000.00", transferredAt: formatShanghai(at).replace(" ", "T") });
  const { requestId } = await fileStop(a("analyst1"), input);
  return { requestId, account, transferredAt: at };
}

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

describe("a liaison sees its own bank's requests of its city, nothing else", () => {
  it("another bank's liaison and the same bank in another city: absent from the desk, 'not found' (one denial) on the page", async () => {
    const { requestId } = await stop("ICBC");
    expect((await getBankDesk(a("bank.icbc"))).open.map((r) => r.id)).toContain(requestId);
    for (const outsider of ["bank.abc", "lc.bank.icbc"]) {
      await expectListedWithout(`${outsider} desk`, async () => (await getBankDesk(a(outsider))).open.map((r) => r.id), [requestId]);
      await expectRefusal(`${outsider} page`, a(outsider), () => getBankRequest(a(outsider), requestId), { error: NotFoundError, reason: "jurisdiction", entityId: requestId });
    }
  });

  it("the center reads it in its jurisdiction (a district read-only), another district does not", async () => {
    const { requestId } = await stop("ICBC");
    expect((await getBankRequest(a("analyst1"), requestId)).offered).toEqual(["cancel"]);
    expect((await getBankRequest(a("coord.d01"), requestId)).offered).toEqual([]);
    expect((await getBankRequest(a("bank.icbc"), requestId)).offered.sort()).toEqual(["accept", "answer", "refuse"]);
    await expectRefusal("coord.d02 page", a("coord.d02"), () => getBankRequest(a("coord.d02"), requestId), { error: NotFoundError, reason: "jurisdiction", entityId: requestId });
  });

  it("follow-on stops at another bank show to that bank's desk and to the center, not to the first bank's liaison", async () => {
    const { requestId } = await stop("ICBC", { yuan: "8000" });
    const next = card();
    const moved = [{ bankId: bankId.ABC, account: next, amountYuan: "3000", transferredAt: formatShanghai(new Date(Date.now() - 5 * MINUTE)).replace(" ", "T") }];
    const { followOnRequestIds } = await answerStop(a("bank.icbc"), AnswerStopSchema.parse({ requestId, version: "1", stoppedYuan: "5000", movedOn: JSON.stringify(moved) }));
    expect(followOnRequestIds).toHaveLength(1);
    const followOn = followOnRequestIds[0]!;
    expect((await getBankDesk(a("bank.abc"))).open.map((r) => r.id)).toContain(followOn);
    expect((await getBankRequest(a("analyst1"), requestId)).followOns.map((f) => f.id)).toEqual([followOn]);
    expect((await getBankRequest(a("bank.icbc"), requestId)).followOns).toEqual([]);
    // The ABC liaison sees its request but not the ICBC request it followed from.
    expect((await getBankRequest(a("bank.abc"), followOn)).parent).toBeNull();
    expect((await getBankRequest(a("analyst1"), followOn)).parent?.id).toBe(requestId);
    // The first request is answered today; its stop holds 48 h from the answer.
    const answered = (await getBankDesk(a("bank.icbc"))).answeredToday.find((r) => r.id === requestId);
    expect(answered?.status).toBe("COMPLETED");
    const detail = await getBankRequest(a("bank.icbc"), requestId);
    expect(detail.answer?.resultFen).toBe(500_000n);
    expect(Date.parse(detail.answer!.endsAt!) - Date.parse(detail.answer!.effectiveAt!)).toBe(48 * 60 * MINUTE);
  });
});

describe("getBankDesk: urgency and clocks", () => {
  it("timed out first, then the nearest reply-by; minutes since the transfer and to reply-by as of the time read", async () => {
    const first = await stop("ICBC", { minutesAgo: 20 });
    const second = await stop("ICBC", { minutesAgo: 7 });
    const { replyBy } = await db.bankRequest.findUniqueOrThrow({ where: { id: first.requestId }, select: { replyBy: true } });
    // Read at a fixed moment: the second request's reply-by moved 5 minutes before it (it is late).
    const now = new Date(replyBy.getTime() - 30 * MINUTE);
    await db.bankRequest.update({ where: { id: second.requestId }, data: { replyBy: new Date(now.getTime() - 5 * MINUTE) } });

    const mine = (await getBankDesk(a("bank.icbc"), now)).open.filter((r) => r.id === first.requestId || r.id === second.requestId);
    expect(mine.map((r) => [r.id, r.status, r.minutesToReplyBy])).toEqual([
      [second.requestId, "TIMED_OUT", -5],
      [first.requestId, "SENT", 30],
    ]);
    const byId = new Map(mine.map((r) => [r.id, r]));
    expect(byId.get(first.requestId)!.minutesSince).toBe(Math.floor((now.getTime() - first.transferredAt.getTime()) / MINUTE));
    expect(byId.get(second.requestId)!.minutesSince).toBe(Math.floor((now.getTime() - second.transferredAt.getTime()) / MINUTE));
    expect(byId.get(first.requestId)!).toMatchObject({ kind: "STOP", amountFen: 500_000n, institution: "中国工商银行", since: first.transferredAt.toISOString() });
  });
});

describe("the request page never carries an unmasked account", () => {
  it("the liaison's and the analyst's views hold the last four only, and no holder's name", async () => {
    const { requestId, account } = await stop("ICBC");
    for (const reader of ["bank.icbc", "analyst1", "coord.d01"]) {
      const detail = await getBankRequest(a(reader), requestId);
      expect(detail.accountMasked).toBe(`****${account.slice(-4)}`);
      const text = json(detail);
      expect(text, reader).not.toContain(account.slice(0, 12));
      expect(text, reader).not.toContain("张三");
    }
    const desk = json(await getBankDesk(a("bank.icbc")));
    expect(desk).not.toContain(account.slice(0, 12));
  });
});

describe("one answer per request", () => {
  it("two answers at once: one wins, the other is refused and leaves nothing", async () => {
    const { requestId } = await stop("ICBC");
    const answer = (yuan: string) => answerStop(a("bank.icbc"), AnswerStopSchema.parse({ requestId, version: "1", stoppedYuan: yuan, movedOn: "" }));
    const results = await Promise.allSettled([answer("5000"), answer("1000")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    // The loser read the request before or after the winner committed: stale version, or already closed.
    const error = lost[0]!.reason as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(["money.errors.requestChanged", "money.errors.requestClosed"]).toContain(error.code);
    const row = await db.bankRequest.findUniqueOrThrow({ where: { id: requestId }, select: { version: true, status: true, resultFen: true } });
    expect(row.version).toBe(2);
    expect(row.status).toBe("COMPLETED");
    const audits = await db.auditEvent.count({ where: { entityId: requestId, action: "bankRequest.record_result", outcome: "SUCCESS" } });
    expect(audits).toBe(1);
  });

  it("an answer on the version seen before someone accepted it is a conflict", async () => {
    const { requestId } = await stop("ICBC");
    await acceptBankRequest(a("bank.icbc"), { requestId, version: 1 });
    await expect(answerStop(a("bank.icbc"), AnswerStopSchema.parse({ requestId, version: "1", stoppedYuan: "5000", movedOn: "" }))).rejects.toBeInstanceOf(ConflictError);
    expect((await getBankRequest(a("bank.icbc"), requestId)).status).toBe("ACCEPTED");
  });
});

describe("notifications of requests to banks", () => {
  it("the desk hears of a new stop and opening it leads to the request; another bank's liaison has none", async () => {
    const { requestId, account } = await stop("ICBC");
    const item = (await getNotificationCentre(a("bank.icbc"))).items.find((i) => i.bankRequestId === requestId);
    expect(item).toMatchObject({ kind: "BANK_REQUEST_NEW", bankRequest: { kind: "STOP", accountMasked: `****${account.slice(-4)}` } });
    expect(await openNotification(a("bank.icbc"), item!.id)).toEqual({ instructionId: null, bankRequestId: requestId });
    expect((await getNotificationCentre(a("bank.abc"))).items.map((i) => i.bankRequestId)).not.toContain(requestId);
  });
});
