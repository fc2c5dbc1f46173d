import { describe, expect, it } from "vitest";
import { describeAuditEvent, type AuditEventView, type SentencePart } from "@/lib/audit/describe-audit-event";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { catalogTranslator } from "../support/catalog-translator";

const zh = catalogTranslator("zh-CN");
const en = catalogTranslator("en");
const ALERT = "3f2b8c1e-9a4d-4e7b-8c2f-1a2b3c4d5e6f";
const USER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const STATION = "7c6b5a49-3827-4161-8f0e-d1c2b3a49586";
const OTHER_STATION = "11111111-2222-4333-8444-555555555555";

function event(partial: Partial<AuditEventView> & Pick<AuditEventView, "action">): AuditEventView {
  return { outcome: "SUCCESS", actorName: "王亚娟", entityType: null, entityId: null, details: null, names: {}, ...partial };
}

const text = (parts: SentencePart[]) => parts.map((p) => (typeof p === "string" ? p : p.label)).join("");

describe("an audit event in words", () => {
  it("a reveal names the field, links the alert by its short id, and gives the reason", () => {
    const reveal = event({ action: "alert.revealPhone", entityType: "alert", entityId: ALERT, details: { field: "phone", reason: "电话劝阻需要拨号" } });
    const parts = describeAuditEvent(reveal, zh, "zh-CN");
    expect(text(parts)).toBe("王亚娟查看了预警 3f2b8c1e当事人的完整手机号，事由：电话劝阻需要拨号");
    expect(parts).toContainEqual({ alertId: ALERT, label: "3f2b8c1e" });
    expect(text(describeAuditEvent(reveal, en, "en"))).toBe(
      "王亚娟 revealed the full phone number of the person on alert 3f2b8c1e, giving the reason: 电话劝阻需要拨号",
    );
  });

  it("a phone search shows the masked number and the count, in each language's grammar", () => {
    const search = (results: number) => event({ action: "alert.search_phone", entityType: "person", details: { phone: "138****1234", results } });
    expect(text(describeAuditEvent(search(2), zh, "zh-CN"))).toBe("王亚娟按手机号 138****1234 查找未结预警，找到 2 条");
    expect(text(describeAuditEvent(search(1), en, "en"))).toBe("王亚娟 searched the open alerts for phone number 138****1234 and found 1 alert");
    expect(text(describeAuditEvent(search(0), en, "en"))).toContain("found 0 alerts");
  });

  it("a deadline change names the kind, the level and both durations through their catalogs", () => {
    const update = event({
      action: "deadline.update",
      actorName: "系统管理员",
      entityType: "deadline_rule",
      entityId: "FIRST_CONTACT:URGENT",
      details: { kind: "FIRST_CONTACT", riskLevel: "URGENT", scope: "city", from: { amount: 15, unit: "MINUTES" }, to: { amount: 10, unit: "MINUTES" } },
    });
    expect(text(describeAuditEvent(update, zh, "zh-CN"))).toBe("系统管理员将本市的「首次联系」时限（紧急）由 15 分钟 改为 10 分钟");
    expect(text(describeAuditEvent(update, en, "en"))).toBe("系统管理员 changed the city’s “First contact” deadline (Urgent) from 15 min to 10 min");
    const anyLevel = { ...update, details: { ...update.details, riskLevel: null, scope: "installation" } };
    expect(text(describeAuditEvent(anyLevel, zh, "zh-CN"))).toBe("系统管理员将默认的「首次联系」时限（所有风险等级）由 15 分钟 改为 10 分钟");
  });

  it("the money workflow's configuration: calendar days by date and kind, banks by name and code, the threshold as money", () => {
    const day = event({ action: "calendar.change_day", actorName: "省管理员", entityType: "calendar_day", entityId: "2031-10-04", details: { day: "2031-10-04", working: true, note: "测试调休" } });
    expect(text(describeAuditEvent(day, zh, "zh-CN"))).toBe("省管理员将工作日历中的 2031-10-04 改为调休上班（测试调休）");
    const year = event({ action: "calendar.import", actorName: "省管理员", entityType: "calendar_year", entityId: "2031", details: { year: 2031, created: 12, updated: 1 } });
    expect(text(describeAuditEvent(year, en, "en"))).toBe("省管理员 entered the working-day calendar of 2031: 12 days added, 1 changed");
    const bank = event({ action: "bankConfig.create", actorName: "省管理员", entityType: "bank", entityId: USER, details: { code: "TESTPAY", name: "测试支付", kind: "PAYMENT_INSTITUTION" } });
    expect(text(describeAuditEvent(bank, zh, "zh-CN"))).toBe("省管理员新增了支付机构 测试支付（TESTPAY）");
    const threshold = event({ action: "citySetting.update", actorName: "张管理", entityType: "city_setting", details: { from: { fen: "50000000" }, to: { fen: "30000050" } } });
    expect(text(describeAuditEvent(threshold, zh, "zh-CN"))).toBe("张管理将本市大额止付提醒金额由 ¥500,000.00 改为 ¥300,000.50");
    const refused = event({ action: "calendar.manage", outcome: "DENIED", actorName: "张管理", entityType: "calendar_day", entityId: "2031-10-04", details: { reason: "role" } });
    expect(text(describeAuditEvent(refused, zh, "zh-CN"))).toBe("张管理试图维护工作日历（2031-10-04），被拒绝（其角色无此权限）");
  });

  it("an account change names the target by username when the reader may see it, else by short id", () => {
    const deactivate = event({ action: "user.deactivate", actorName: "张管理", entityType: "user", entityId: USER, details: { sessionsRevoked: 1 } });
    expect(text(describeAuditEvent({ ...deactivate, names: { [USER]: "officer.d01s01" } }, zh, "zh-CN"))).toBe("张管理停用了账户 officer.d01s01");
    expect(text(describeAuditEvent(deactivate, zh, "zh-CN"))).toBe("张管理停用了账户 0a1b2c3d");
    const create = event({ action: "user.create", actorName: "张管理", entityType: "user", entityId: USER, details: { username: "officer.new", role: "STATION_OFFICER", unitId: STATION }, names: { [STATION]: "东湖派出所" } });
    expect(text(describeAuditEvent(create, zh, "zh-CN"))).toBe("张管理创建了账户 officer.new（派出所民警，东湖派出所）");
    expect(text(describeAuditEvent(create, en, "en"))).toBe("张管理 created account officer.new (Station officer, 东湖派出所)");
  });

  it("the dispatch chain names the instruction by its short id, where it went, the feedback and the missed deadline", () => {
    const INSTRUCTION = "9d8c7b6a-5f4e-4d3c-8b2a-190817263544";
    const on = (action: string, details: Record<string, unknown>, partial: Partial<AuditEventView> = {}) =>
      event({ action, entityType: "instruction", entityId: INSTRUCTION, details, names: { [STATION]: "东湖派出所", [OTHER_STATION]: "东湖分局" }, ...partial });
    const dispatch = on("instruction.dispatch", { alertId: ALERT, kind: "DOOR_VISIT", stationId: STATION, districtId: OTHER_STATION });
    expect(text(describeAuditEvent(dispatch, zh, "zh-CN"))).toBe("王亚娟下发了上门劝阻指令 9d8c7b6a至东湖派出所");
    expect(text(describeAuditEvent(dispatch, en, "en"))).toBe("王亚娟 dispatched Door visit instruction 9d8c7b6a to 东湖派出所");
    // Sent to a district: the district is where it went.
    expect(text(describeAuditEvent(on("instruction.dispatch", { kind: "LOCATE", stationId: null, districtId: OTHER_STATION }), zh, "zh-CN"))).toBe("王亚娟下发了查找落地指令 9d8c7b6a至东湖分局");
    expect(text(describeAuditEvent(on("instruction.decline", { reason: "WRONG_PERSON", suggestedStationId: null }), zh, "zh-CN"))).toBe("王亚娟退回了指令 9d8c7b6a（人员信息不符）");
    expect(text(describeAuditEvent(on("instruction.report", { outcome: "DISSUADED", metPerson: true }), zh, "zh-CN"))).toBe("王亚娟就指令 9d8c7b6a提交了反馈：已劝阻");
    const overdue = on("instruction.overdue", { deadline: "SIGN_OFF", unitId: STATION }, { actorName: null });
    expect(text(describeAuditEvent(overdue, zh, "zh-CN"))).toBe("指令 9d8c7b6a已超过签收时限，记在东湖派出所名下");
    expect(text(describeAuditEvent(overdue, en, "en"))).toBe("Instruction 9d8c7b6a passed its sign-off deadline, charged to 东湖派出所");
    const refused = on("instruction.sign_off", { reason: "notYourStep" }, { outcome: "DENIED" });
    expect(text(describeAuditEvent(refused, zh, "zh-CN"))).toBe("王亚娟试图签收指令 9d8c7b6a，被拒绝（此步骤不由其办理）");
    const read = event({ action: "notification.read", entityType: "notification", details: { marked: 3 } });
    expect(text(describeAuditEvent(read, en, "en"))).toBe("王亚娟 marked 3 notifications read");
  });

  it("refusals say why: role, jurisdiction, not the holder", () => {
    const byRole = event({ action: "user.list", outcome: "DENIED", actorName: "李大屏", details: { reason: "role" } });
    expect(text(describeAuditEvent(byRole, zh, "zh-CN"))).toBe("李大屏试图查看账户列表，被拒绝（其角色无此权限）");
    const outside = event({ action: "user.manage", outcome: "DENIED", actorName: "临川管理员", entityType: "user", entityId: USER, details: { reason: "jurisdiction" } });
    expect(text(describeAuditEvent(outside, zh, "zh-CN"))).toBe("临川管理员试图管理账户 0a1b2c3d，被拒绝（对象不在其管辖范围内，按“未找到”答复）");
    const notHolder = event({ action: "alert.close", outcome: "DENIED", entityType: "alert", entityId: ALERT, details: { reason: "notHolder" } });
    expect(text(describeAuditEvent(notHolder, en, "en"))).toBe("王亚娟 tried to close alert 3f2b8c1e: refused (they do not hold the alert)");
    const pageView = event({ action: "alert.triage", outcome: "DENIED", details: { reason: "role" } });
    expect(text(describeAuditEvent(pageView, zh, "zh-CN"))).toBe("王亚娟试图处理预警，被拒绝（其角色无此权限）");
    const config = event({ action: "config.manage", outcome: "DENIED", entityType: "playbook", entityId: "ROMANCE", details: { reason: "role" } });
    expect(text(describeAuditEvent(config, zh, "zh-CN"))).toBe("王亚娟试图修改业务配置（「网络婚恋交友」劝阻话术），被拒绝（其角色无此权限）");
  });

  it("sign-in failures name the account tried, or the username typed when there is no such account", () => {
    const unknown = event({ action: "auth.sign_in", outcome: "FAILURE", actorName: null, details: { reason: "unknown_user", username: "nobody" } });
    expect(text(describeAuditEvent(unknown, zh, "zh-CN"))).toBe("用户名「nobody」登录未成功（用户名不存在）");
    const wrong = event({ action: "auth.sign_in", outcome: "FAILURE", actorName: "刘民警", entityType: "user", entityId: USER, details: { reason: "bad_password" } });
    expect(text(describeAuditEvent(wrong, en, "en"))).toBe("刘民警 could not sign in (wrong password)");
    const refusedKey = event({ action: "alert.ingest", outcome: "DENIED", actorName: null, details: { reason: "revoked" } });
    expect(text(describeAuditEvent(refusedKey, zh, "zh-CN"))).toBe("未登录的调用方试图推送预警，被拒绝（接入密钥已被吊销）");
  });

  it("triage steps render their enums through the catalogs, never raw", () => {
    const attempt = event({ action: "alert.attempt", entityType: "alert", entityId: ALERT, details: { attemptId: USER, channel: "DOOR_VISIT", result: "DISBELIEVES" } });
    expect(text(describeAuditEvent(attempt, zh, "zh-CN"))).toBe("王亚娟就预警 3f2b8c1e记录了一次劝阻：上门，结果为拒不相信");
    const risk = event({ action: "alert.change_risk", entityType: "alert", entityId: ALERT, details: { from: "MEDIUM", to: "URGENT", reason: "正在转账" } });
    expect(text(describeAuditEvent(risk, en, "en"))).toBe("王亚娟 changed the risk of alert 3f2b8c1e from Medium to Urgent, giving the reason: 正在转账");
    const close = event({ action: "alert.close", entityType: "alert", entityId: ALERT, details: { outcome: "DEFRAUDED", caseId: USER, lossFen: "198000050" } });
    expect(text(describeAuditEvent(close, zh, "zh-CN"))).toBe("王亚娟结束了预警 3f2b8c1e，结果为已被骗，损失 ¥1,980,000.50");
    const moved = event({ action: "community.change_station", entityType: "community", entityId: USER, details: { street: "东湖街道", name: "桂园社区", from: STATION, to: OTHER_STATION }, names: { [STATION]: "东湖派出所" } });
    expect(text(describeAuditEvent(moved, zh, "zh-CN"))).toBe("王亚娟将社区 东湖街道 桂园社区 由东湖派出所改为11111111负责");
  });

  it("an action the catalog does not know still reads as words, never as a code or JSON", () => {
    const unknown = event({ action: "alert.escalate_toProvince", details: { nested: { a: 1 } } });
    expect(text(describeAuditEvent(unknown, zh, "zh-CN"))).toBe("王亚娟执行了操作「预警 · escalate to province」");
    expect(text(describeAuditEvent({ ...unknown, action: "report.export" }, en, "en"))).toBe("王亚娟 did “report · export”");
  });

  it("no action, outcome or language ever shows a placeholder, a raw enum or JSON, even with odd details", () => {
    const odd = { reason: { x: 1 }, role: "NOT_A_ROLE", from: [1, 2], kind: 42, username: "", phone: null, lossFen: "12abc" };
    for (const [t, locale] of [[zh, "zh-CN"], [en, "en"]] as const) {
      for (const action of AUDIT_ACTIONS) {
        for (const outcome of ["SUCCESS", "DENIED", "FAILURE"] as const) {
          for (const details of [null, odd]) {
            const sentence = text(describeAuditEvent(event({ action, outcome, entityType: "alert", entityId: ALERT, details }), t, locale));
            expect(sentence, `${locale} ${action} ${outcome}`).not.toMatch(/[{}[\]]|undefined|null|NaN|NOT_A_ROLE|object Object|\uE000/);
          }
        }
      }
    }
  });
});
