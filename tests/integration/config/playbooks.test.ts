import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findPlaybookFor, getPlaybook, listPlaybooks, resetPlaybook, updatePlaybook } from "@/lib/server/config/playbooks";
import { ConflictError } from "@/lib/errors";
import { FraudType } from "@/prisma/generated/client/enums";
import { UpdatePlaybookSchema } from "@/lib/schemas/config";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

const CONTENT = "【识别】测试话术内容。\n【核实提问】\n1. 您是否已经转账？\n【劝阻要点】\n· 先核实再转账，拨打96110。";

describe("playbooks", () => {
  it("every fraud type has a usable default playbook from the migration, which a city inherits", async () => {
    const prov = await signInAs("prov.admin");
    const defaults = await listPlaybooks(prov);
    expect(defaults.map((p) => p.fraudType)).toEqual(Object.values(FraudType));
    for (const p of defaults) {
      expect([p.version, p.origin], p.fraudType).toEqual([1, "own"]);
      expect(p.title.length, p.fraudType).toBeGreaterThan(2);
      const chinese = p.content.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
      expect(chinese, p.fraudType).toBeGreaterThanOrEqual(150);
      expect(chinese, p.fraudType).toBeLessThanOrEqual(400);
      expect(p.content, p.fraudType).toContain("【核实提问】");
      expect(p.content, p.fraudType).toContain("【劝阻要点】");
      expect(p.updatedByName).toBeNull();
    }
    expect(defaults.find((p) => p.fraudType === "IMPERSONATE_AUTHORITY")!.content).toContain("安全账户");
    expect(defaults.find((p) => p.fraudType === "FAKE_LOAN")!.content).toContain("放款前不收任何费用");
    // A city's administrator sees the same texts, inherited (no row of the city's own yet).
    const city = await listPlaybooks(await signInAs("admin"));
    expect(city.map((p) => [p.origin, p.version, p.content])).toEqual(defaults.map((p) => ["default", 0, p.content]));
  });

  it("a city's first save creates the city's own text; the other city keeps the default; the audit row names the type, not the text", async () => {
    const admin = await signInAs("admin");
    const before = await getPlaybook(admin, "REBATE_TASK");
    const { version } = await updatePlaybook(admin, { fraudType: "REBATE_TASK", version: before.version, title: "刷单返利（本市）", content: CONTENT });
    expect(version).toBe(1);
    expect(await getPlaybook(admin, "REBATE_TASK")).toMatchObject({ version: 1, origin: "own", title: "刷单返利（本市）", content: CONTENT, updatedByName: admin.displayName });
    expect((await findPlaybookFor(admin.cityId!, "REBATE_TASK"))?.content).toBe(CONTENT);
    const other = (await signInAs("lc.analyst1")).cityId!;
    expect((await findPlaybookFor(other, "REBATE_TASK"))?.content).toBe(before.content);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "playbook.update", entityId: "REBATE_TASK" } });
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorId: admin.userId, cityId: admin.cityId, entityType: "playbook" });
    expect(audit.details).toMatchObject({ scope: "city", version: 1, titleChanged: true, contentChanged: true });
    expect(JSON.stringify(audit.details)).not.toContain("测试话术内容");

    // Going back to the default removes the city's row (version-checked) and audits it.
    await expect(resetPlaybook(admin, { fraudType: "REBATE_TASK", version: 7 })).rejects.toBeInstanceOf(ConflictError);
    await resetPlaybook(admin, { fraudType: "REBATE_TASK", version: 1 });
    expect(await getPlaybook(admin, "REBATE_TASK")).toMatchObject({ origin: "default", version: 0, content: before.content });
    expect(await db.auditEvent.count({ where: { action: "playbook.reset", entityId: "REBATE_TASK", cityId: admin.cityId } })).toBe(1);
  });

  it("a stale version is a conflict and changes nothing", async () => {
    const prov = await signInAs("prov.admin");
    const loaded = await getPlaybook(prov, "ROMANCE");
    // Someone else saves first.
    await updatePlaybook(prov, { fraudType: "ROMANCE", version: loaded.version, title: loaded.title, content: `${loaded.content}\n· 补充一条。` });
    const current = await db.playbook.findFirstOrThrow({ where: { fraudType: "ROMANCE", cityId: null } });
    const audits = await db.auditEvent.count({ where: { action: "playbook.update" } });

    await expect(updatePlaybook(prov, { fraudType: "ROMANCE", version: loaded.version, title: "覆盖", content: CONTENT })).rejects.toMatchObject({ code: "conflict" });
    // "Create" over an existing playbook is a conflict too.
    await expect(updatePlaybook(prov, { fraudType: "ROMANCE", version: 0, title: "覆盖", content: CONTENT })).rejects.toBeInstanceOf(ConflictError);

    expect(await db.playbook.findFirstOrThrow({ where: { fraudType: "ROMANCE", cityId: null } })).toEqual(current);
    expect(await db.auditEvent.count({ where: { action: "playbook.update" } })).toBe(audits);
  });

  it("a type without a default playbook is created at version 1 by the installation", async () => {
    const prov = await signInAs("prov.admin");
    await db.playbook.deleteMany({ where: { fraudType: "OTHER" } });
    expect(await getPlaybook(prov, "OTHER")).toMatchObject({ version: 0, origin: "missing", title: "", content: "" });
    expect((await updatePlaybook(prov, { fraudType: "OTHER", version: 0, title: "通用话术", content: CONTENT })).version).toBe(1);
    expect(await db.playbook.findFirstOrThrow({ where: { fraudType: "OTHER", cityId: null } })).toMatchObject({ version: 1, updatedById: prov.userId });
  });

  it("the schema keeps line breaks, drops CRs and trailing spaces, and refuses empty text", () => {
    const parsed = UpdatePlaybookSchema.parse({ fraudType: "FAKE_LOAN", version: "3", title: "  贷款  话术 ", content: "  第一行   \r\n第二行\r\n\r\n第三行：正规贷款放款前不收费。  " });
    expect(parsed).toEqual({ fraudType: "FAKE_LOAN", version: 3, title: "贷款 话术", content: "第一行\n第二行\n\n第三行：正规贷款放款前不收费。" });
    const short = UpdatePlaybookSchema.safeParse({ fraudType: "FAKE_LOAN", version: "3", title: "话术", content: "   太短   " });
    expect(short.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["content", "adminConfig.validation.playbookContent"]]);
    expect(UpdatePlaybookSchema.safeParse({ fraudType: "NOPE", version: "1", title: "标题", content: CONTENT }).success).toBe(false);
  });
});
