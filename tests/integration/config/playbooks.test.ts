import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPlaybook, listPlaybooks, updatePlaybook } from "@/lib/server/config/playbooks";
import { ConflictError } from "@/lib/errors";
import { FraudType } from "@/prisma/generated/client/enums";
import { UpdatePlaybookSchema } from "@/lib/schemas/config";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

const CONTENT = "【识别】测试话术内容。\n【核实提问】\n1. 您是否已经转账？\n【劝阻要点】\n· 先核实再转账，拨打96110。";

describe("playbooks", () => {
  it("every fraud type has a usable default playbook from the migration", async () => {
    const admin = await signInAs("admin");
    const playbooks = await listPlaybooks(admin);
    expect(playbooks.map((p) => p.fraudType)).toEqual(Object.values(FraudType));
    for (const p of playbooks) {
      expect(p.version, p.fraudType).toBe(1);
      expect(p.title.length, p.fraudType).toBeGreaterThan(2);
      const chinese = p.content.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
      expect(chinese, p.fraudType).toBeGreaterThanOrEqual(150);
      expect(chinese, p.fraudType).toBeLessThanOrEqual(400);
      expect(p.content, p.fraudType).toContain("【核实提问】");
      expect(p.content, p.fraudType).toContain("【劝阻要点】");
      expect(p.updatedByName).toBeNull();
    }
    const authority = playbooks.find((p) => p.fraudType === "IMPERSONATE_AUTHORITY")!;
    expect(authority.content).toContain("安全账户");
    expect(playbooks.find((p) => p.fraudType === "FAKE_LOAN")!.content).toContain("放款前不收任何费用");
  });

  it("an admin saves a playbook: version goes up, the audit row names the type, not the text", async () => {
    const admin = await signInAs("admin");
    const before = await getPlaybook(admin, "REBATE_TASK");
    const { version } = await updatePlaybook(admin, { fraudType: "REBATE_TASK", version: before.version, title: "刷单返利（修订）", content: CONTENT });
    expect(version).toBe(before.version + 1);
    const after = await getPlaybook(admin, "REBATE_TASK");
    expect(after).toMatchObject({ version, title: "刷单返利（修订）", content: CONTENT, updatedByName: admin.displayName });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "playbook.update", entityId: "REBATE_TASK" } });
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorId: admin.userId, entityType: "playbook" });
    expect(audit.details).toMatchObject({ version, titleChanged: true, contentChanged: true });
    expect(JSON.stringify(audit.details)).not.toContain("测试话术内容");
  });

  it("a stale version is a conflict and changes nothing", async () => {
    const admin = await signInAs("admin");
    const loaded = await getPlaybook(admin, "ROMANCE");
    // Someone else saves first.
    await updatePlaybook(admin, { fraudType: "ROMANCE", version: loaded.version, title: loaded.title, content: `${loaded.content}\n· 补充一条。` });
    const current = await db.playbook.findUniqueOrThrow({ where: { fraudType: "ROMANCE" } });
    const audits = await db.auditEvent.count({ where: { action: "playbook.update" } });

    const stale = updatePlaybook(admin, { fraudType: "ROMANCE", version: loaded.version, title: "覆盖", content: CONTENT });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(updatePlaybook(admin, { fraudType: "ROMANCE", version: loaded.version, title: "覆盖", content: CONTENT })).rejects.toMatchObject({ code: "conflict" });
    // "Create" over an existing playbook is a conflict too.
    await expect(updatePlaybook(admin, { fraudType: "ROMANCE", version: 0, title: "覆盖", content: CONTENT })).rejects.toBeInstanceOf(ConflictError);

    expect(await db.playbook.findUniqueOrThrow({ where: { fraudType: "ROMANCE" } })).toEqual(current);
    expect(await db.auditEvent.count({ where: { action: "playbook.update" } })).toBe(audits);
  });

  it("a type without a playbook is created at version 1", async () => {
    const admin = await signInAs("admin");
    await db.playbook.delete({ where: { fraudType: "OTHER" } });
    expect(await getPlaybook(admin, "OTHER")).toMatchObject({ version: 0, title: "", content: "" });
    expect((await updatePlaybook(admin, { fraudType: "OTHER", version: 0, title: "通用话术", content: CONTENT })).version).toBe(1);
    expect(await db.playbook.findUniqueOrThrow({ where: { fraudType: "OTHER" } })).toMatchObject({ version: 1, updatedById: admin.userId });
  });

  it("the schema keeps line breaks, drops CRs and trailing spaces, and refuses empty text", () => {
    const parsed = UpdatePlaybookSchema.parse({ fraudType: "FAKE_LOAN", version: "3", title: "  贷款  话术 ", content: "  第一行   \r\n第二行\r\n\r\n第三行：正规贷款放款前不收费。  " });
    expect(parsed).toEqual({ fraudType: "FAKE_LOAN", version: 3, title: "贷款 话术", content: "第一行\n第二行\n\n第三行：正规贷款放款前不收费。" });
    const short = UpdatePlaybookSchema.safeParse({ fraudType: "FAKE_LOAN", version: "3", title: "话术", content: "   太短   " });
    expect(short.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["content", "adminConfig.validation.playbookContent"]]);
    expect(UpdatePlaybookSchema.safeParse({ fraudType: "NOPE", version: "1", title: "标题", content: CONTENT }).success).toBe(false);
  });
});
