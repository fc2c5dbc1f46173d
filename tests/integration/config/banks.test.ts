import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createBank, getBank, listBanks, setBankActive, updateBank } from "@/lib/server/config/banks";
import { CreateBankSchema } from "@/lib/schemas/banks";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";
import { expectNothingWritten } from "../../support/refusals";

await openTestDatabase("demo");

const PAYMENT = { code: "TESTPAY", name: "测试支付有限公司", shortName: "测试支付", kind: "PAYMENT_INSTITUTION", luhnChecked: false } as const;

describe("banks and payment institutions", () => {
  it("the installation's admin sees every institution with the cities it has desks in; a city's admin whether it has one in its center", async () => {
    const prov = await signInAs("prov.admin");
    const all = await listBanks(prov);
    expect(all.canManage).toBe(true);
    const icbc = all.rows.find((b) => b.code === "ICBC")!;
    expect(icbc).toMatchObject({ name: "中国工商银行", kind: "BANK", luhnChecked: true, active: true, desk: null });
    expect(icbc.deskCities).toEqual(expect.arrayContaining(["江州市公安局反诈中心", "临川市公安局反诈中心"]));

    const admin = await signInAs("admin");
    const city = await listBanks(admin);
    expect(city.canManage).toBe(false);
    expect(city.rows.every((b) => b.deskCities === null)).toBe(true);
    expect(city.rows.find((b) => b.code === "ICBC")!.desk).toBe(true);

    // The desk is derived: without an active liaison account in the city, there is none — in
    // that city only.
    await createBank(prov, PAYMENT);
    expect((await listBanks(admin)).rows.find((b) => b.code === "TESTPAY")!.desk).toBe(false);
    const liaison = await db.user.findUniqueOrThrow({ where: { username: "bank.ccb" }, select: { id: true } });
    await db.user.update({ where: { id: liaison.id }, data: { status: "DISABLED" } });
    try {
      expect((await listBanks(admin)).rows.find((b) => b.code === "CCB")!.desk).toBe(false);
      expect((await listBanks(await signInAs("lc.admin"))).rows.find((b) => b.code === "CCB")!.desk).toBe(true);
      expect((await listBanks(prov)).rows.find((b) => b.code === "CCB")!.deskCities).toEqual(["临川市公安局反诈中心"]);
    } finally {
      await db.user.update({ where: { id: liaison.id }, data: { status: "ACTIVE" } });
    }
  });

  it("adds an institution, audited; a code already taken (in any case) is a field error and writes nothing", async () => {
    const prov = await signInAs("prov.admin");
    const { id } = await createBank(prov, { ...PAYMENT, code: "TESTPAY2", name: "测试支付二号" });
    expect(await getBank(prov, id)).toMatchObject({ code: "TESTPAY2", name: "测试支付二号", kind: "PAYMENT_INSTITUTION", luhnChecked: false, active: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "bankConfig.create", entityId: id } });
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorId: prov.userId, cityId: null, entityType: "bank", details: { code: "TESTPAY2", kind: "PAYMENT_INSTITUTION" } });

    const taken = CreateBankSchema.parse({ code: " icbc ", name: "另一家银行", shortName: "另一家", kind: "BANK", luhnChecked: "on" });
    expect(taken).toMatchObject({ code: "ICBC", luhnChecked: true });
    await expectNothingWritten(() => createBank(prov, taken), { error: ValidationError, code: "moneyAdmin.validation.bankCodeTaken", field: "code" });

    const fields = (input: Record<string, string>) =>
      CreateBankSchema.safeParse({ code: "OK", name: "测试银行", shortName: "测试", kind: "BANK", ...input }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(fields({ code: "工行" })).toEqual([["code", "moneyAdmin.validation.bankCode"]]);
    expect(fields({ code: "A" })).toEqual([["code", "moneyAdmin.validation.bankCode"]]);
    expect(fields({ name: " 银 " })).toEqual([["name", "moneyAdmin.validation.bankName"]]);
    expect(fields({ shortName: "一二三四五六七八九十一二三四五六七八九十一" })).toEqual([["shortName", "moneyAdmin.validation.bankShortName"]]);
    expect(fields({ kind: "CREDIT_UNION" })).toEqual([["kind", "validation.required"]]);
    // An unticked box is not sent at all.
    expect(CreateBankSchema.parse({ code: "OK", name: "测试银行", shortName: "测试", kind: "BANK" }).luhnChecked).toBe(false);
  });

  it("edits an institution against what the admin saw: changed fields audited, a stale form a conflict, a taken code a field error", async () => {
    const prov = await signInAs("prov.admin");
    const { id } = await createBank(prov, { ...PAYMENT, code: "TESTPAY3", name: "测试支付三号" });
    const loaded = await getBank(prov, id);
    const edit = { bankId: id, stamp: loaded.stamp, code: "TESTPAY3", name: "测试支付三号有限公司", shortName: "测试三号", kind: "PAYMENT_INSTITUTION", luhnChecked: false } as const;
    expect(await updateBank(prov, edit)).toEqual({ changed: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "bankConfig.update", entityId: id } });
    expect(audit.details).toEqual({ code: "TESTPAY3", name: "测试支付三号有限公司", fields: ["name", "shortName"], before: { name: "测试支付三号", shortName: "测试支付" } });

    // The form loaded before that save is stale now.
    await expectNothingWritten(() => updateBank(prov, { ...edit, name: "旧表单上的修改" }), { error: ConflictError });
    const fresh = await getBank(prov, id);
    await expectNothingWritten(() => updateBank(prov, { ...edit, stamp: fresh.stamp, code: "ICBC" }), { error: ValidationError, code: "moneyAdmin.validation.bankCodeTaken", field: "code" });
    // Saved unchanged: nothing written, nothing recorded.
    await expectNothingWritten(() => updateBank(prov, { ...edit, stamp: fresh.stamp }));
    // Switching it off does not make an open edit form stale (the form does not hold the switch).
    await setBankActive(prov, { bankId: id, active: false });
    expect(await updateBank(prov, { ...edit, stamp: fresh.stamp, luhnChecked: true })).toEqual({ changed: true });

    const missing = "00000000-0000-4000-8000-000000000000";
    await expectNothingWritten(() => updateBank(prov, { ...edit, bankId: missing }), { error: NotFoundError });
    await expect(getBank(prov, missing)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBank(prov, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deactivates and reactivates, each audited once; the bank's liaisons and history stay", async () => {
    const prov = await signInAs("prov.admin");
    const boc = await db.bank.findUniqueOrThrow({ where: { code: "BOC" }, select: { id: true } });
    const liaisons = await db.user.count({ where: { bankId: boc.id, status: "ACTIVE" } });
    await setBankActive(prov, { bankId: boc.id, active: false });
    // Asking again for the state it is in writes nothing.
    await expectNothingWritten(() => setBankActive(prov, { bankId: boc.id, active: false }));
    expect((await listBanks(prov)).rows.find((b) => b.code === "BOC")).toMatchObject({ active: false });
    expect(await db.user.count({ where: { bankId: boc.id, status: "ACTIVE" } })).toBe(liaisons);
    await setBankActive(prov, { bankId: boc.id, active: true });
    const trail = await db.auditEvent.findMany({ where: { entityType: "bank", entityId: boc.id }, orderBy: { id: "asc" }, select: { action: true, details: true } });
    expect(trail).toEqual([
      { action: "bankConfig.deactivate", details: { code: "BOC", name: "中国银行" } },
      { action: "bankConfig.activate", details: { code: "BOC", name: "中国银行" } },
    ]);
  });
});
