// The money invariants hold in the database too, not only in the domain: a superuser's or a
// buggy path's direct write is refused by the CHECKs and triggers (what is held never exceeds what
// was sent, returned never exceeds what was held, a case's recovered total is the sum of its
// returns, no third stop on one account, returns are never edited).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { FileStopSchema, AnswerStopSchema } from "@/lib/schemas/cases";
import { fileStop } from "@/lib/server/bank-requests/file-stop";
import { answerStop } from "@/lib/server/bank-requests/answer-stop";
import { vault } from "@/lib/server/pii/vault";
import { openTestDatabase } from "../../support/test-database";
import { account, newAlertAt } from "../../support/instruction-factory";
import { bankIdOf, freshCard } from "../../support/money-factory";

await openTestDatabase("demo");

async function stopFromNewAlert(amountYuan = "1000.00", card = freshCard()) {
  const analyst = await account("analyst1");
  const alertId = await newAlertAt("D01S01");
  const input = FileStopSchema.parse({ alertId, bankId: await bankIdOf("ICBC"), account: card, holder: "张某", amountYuan, transferredAt: "2026-12-01T10:00" });
  return { ...(await fileStop(analyst, input)), card, analyst };
}

describe("the money invariants in the database", () => {
  it("refuses a transfer holding more than it sent, or returning more than was held", async () => {
    const { caseId } = await stopFromNewAlert("1000.00");
    const transfer = await db.caseTransfer.findFirstOrThrow({ where: { caseId }, select: { id: true } });
    await expect(db.caseTransfer.update({ where: { id: transfer.id }, data: { stoppedFen: 100_001n } })).rejects.toThrow(/case_transfer_held_check/);
    await expect(db.caseTransfer.update({ where: { id: transfer.id }, data: { returnedFen: 1n } })).rejects.toThrow(/case_transfer_held_check/);
    await expect(db.caseTransfer.update({ where: { id: transfer.id }, data: { amountFen: 0n } })).rejects.toThrow(/case_transfer_amount_check|case_transfer_held_check/);
  });

  it("keeps a case's recovered total equal to the sum of its returns, and refuses editing a return", async () => {
    const { caseId, requestId } = await stopFromNewAlert("500.00");
    const liaison = await account("bank.icbc");
    await answerStop(liaison, AnswerStopSchema.parse({ requestId, version: 1, stoppedYuan: "500.00" }));
    const transfer = await db.caseTransfer.findFirstOrThrow({ where: { caseId }, select: { id: true, stoppedFen: true } });
    expect(transfer.stoppedFen).toBe(50_000n);
    const base = { cityId: (await db.fraudCase.findUniqueOrThrow({ where: { id: caseId } })).cityId, requestId, caseId, transferId: transfer.id, returnedOn: new Date("2026-12-02"), recordedById: liaison.userId };
    await db.bankReturn.create({ data: { ...base, amountFen: 20_000n, receiptNumber: "R-1" } });
    await db.bankReturn.create({ data: { ...base, amountFen: 30_000n, receiptNumber: "R-2" } });
    // One fen more than was held: the trigger's update hits the CHECK and the insert is undone.
    await expect(db.bankReturn.create({ data: { ...base, amountFen: 1n, receiptNumber: "R-3" } })).rejects.toThrow(/case_transfer_held_check/);
    const after = await db.fraudCase.findUniqueOrThrow({ where: { id: caseId }, select: { returnedFen: true } });
    const sum = await db.bankReturn.aggregate({ where: { caseId }, _sum: { amountFen: true } });
    expect(after.returnedFen).toBe(50_000n);
    expect(sum._sum.amountFen).toBe(50_000n);
    await expect(db.bankReturn.updateMany({ where: { caseId }, data: { amountFen: 1n } })).rejects.toThrow();
  });

  it("allows two stops on an account and refuses the third, in the domain and in the database", async () => {
    const card = freshCard();
    const liaison = await account("bank.icbc");
    for (let i = 0; i < 2; i++) {
      const { requestId } = await stopFromNewAlert("100.00", card);
      await answerStop(liaison, AnswerStopSchema.parse({ requestId, version: 1, stoppedYuan: "100.00" }));
    }
    const before = await db.bankRequest.count();
    const third = stopFromNewAlert("100.00", card);
    await expect(third).rejects.toBeInstanceOf(ValidationError);
    await expect(third).rejects.toMatchObject({ code: "money.errors.thirdStop", field: "account" });
    expect(await db.bankRequest.count()).toBe(before);
    // Written past the domain, the third effective stop is refused by the database.
    const accountIndex = vault().blindIndex("bankAccount", card);
    const bankId = await bankIdOf("ICBC");
    expect((await db.accountStop.findUniqueOrThrow({ where: { bankId_accountIndex: { bankId, accountIndex } } })).stops).toBe(2);
    await expect(db.$executeRaw`INSERT INTO account_stop (bank_id, account_index, stops) VALUES (${bankId}::uuid, ${accountIndex}, 1)
      ON CONFLICT (bank_id, account_index) DO UPDATE SET stops = account_stop.stops + 1`).rejects.toThrow(/account_stop_stops_check/);
  });

  it("refuses self-approval even written directly", async () => {
    const { requestId, analyst } = await stopFromNewAlert("100.00");
    await expect(db.bankRequest.update({ where: { id: requestId }, data: { approvedById: analyst.userId, approvedAt: new Date(), noticeNumber: "X-1" } })).rejects.toThrow(/bank_request_approval_check/);
  });
});
