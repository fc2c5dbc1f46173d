// 督: the worker's sweep with a fake clock (sweepSupervision(now)) — overdue marks once per
// deadline, escalation once at twice the feedback interval from dispatch with one supervision
// notice, reminders every feedback interval — also when two workers sweep at the same moment;
// then the notice's comments, required replies and replies, and their refusals.
import { beforeAll, describe, expect, it } from "vitest";
process.env.DB_POOL_SIZE = "20";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { NoticeCommentSchema, NoticeReplySchema } from "@/lib/schemas/instructions";
import { sweepSupervision } from "@/lib/server/instructions/sweep-supervision";
import { signOffInstruction } from "@/lib/server/instructions/sign-off-instruction";
import { reportFeedback } from "@/lib/server/instructions/report-feedback";
import { commentOnNotice } from "@/lib/server/instructions/comment-on-notice";
import { replyToNotice } from "@/lib/server/instructions/reply-to-notice";
import { getInstruction } from "@/lib/server/instructions/get-instruction";
import { openTestDatabase } from "../../support/test-database";
import { account, anotherOfficer, createInstruction, feedback, type MadeInstruction } from "../../support/instruction-factory";
import { expectRefusal } from "../../support/refusals";

await openTestDatabase("demo");

let leader: Actor;
let coordinator: Actor;
let officer: Actor;

beforeAll(async () => {
  leader = await account("leader");
  coordinator = await account("coord.d01");
  officer = await account("officer.d01s01");
  await account("lc.leader");
});

const at = (d: Date, ms = 0) => new Date(d.getTime() + ms);
const instructionRow = (id: string) => db.instruction.findUniqueOrThrow({ where: { id } });

/** What the sweeps wrote about one instruction (the sweeps see the whole database; the test looks at its own). */
async function written(instructionId: string) {
  const [overdue, notices, events, audit, notes] = await Promise.all([
    db.instructionOverdue.findMany({ where: { instructionId }, orderBy: [{ deadline: "asc" }, { kind: "asc" }], select: { kind: true, deadline: true, stationId: true, districtId: true } }),
    db.supervisionNotice.findMany({ where: { instructionId } }),
    db.instructionEvent.findMany({ where: { instructionId, kind: { in: ["OVERDUE", "ESCALATED", "REMINDED"] } }, orderBy: { at: "asc" }, select: { kind: true, at: true } }),
    db.auditEvent.findMany({ where: { entityId: instructionId, action: { in: ["instruction.overdue", "instruction.escalate"] } }, orderBy: { id: "asc" }, select: { action: true, actorId: true, cityId: true, details: true } }),
    db.notification.findMany({ where: { instructionId, kind: { in: ["INSTRUCTION_OVERDUE", "SUPERVISION_NOTICE"] } }, select: { kind: true, user: { select: { username: true } } } }),
  ]);
  const notified: Record<string, string[]> = {};
  for (const n of notes) (notified[n.kind] ??= []).push(n.user.username);
  for (const k of Object.keys(notified)) notified[k]!.sort();
  return { overdue, notices, events: events.map((e) => e.kind), audit, notified };
}

describe("overdue marks", () => {
  it("the sign-off and the feedback deadline are each marked once, when due, and the holder is told", async () => {
    const t = await createInstruction("AT_STATION");
    const i = await instructionRow(t.instructionId);
    await sweepSupervision(at(i.signOffDeadline, -1));
    expect((await written(t.instructionId)).overdue).toEqual([]);

    await sweepSupervision(i.signOffDeadline);
    await sweepSupervision(at(i.signOffDeadline, 60_000));
    const marked = await instructionRow(t.instructionId);
    expect(marked.signOffOverdueAt).toEqual(i.signOffDeadline);
    expect(marked.feedbackOverdueAt).toBeNull();
    let w = await written(t.instructionId);
    expect(w.overdue).toEqual([{ kind: "SIGN_OFF", deadline: i.signOffDeadline, stationId: t.stationId, districtId: t.districtId }]);
    expect(w.events).toEqual(["OVERDUE"]);
    expect(w.audit).toEqual([{ action: "instruction.overdue", actorId: null, cityId: i.cityId, details: { deadline: "SIGN_OFF", unitId: t.stationId } }]);
    expect(w.notified).toEqual({ INSTRUCTION_OVERDUE: ["officer.d01s01"] });

    // Signing off late does not undo the mark; the feedback deadline is marked on its own.
    await signOffInstruction(officer, { instructionId: t.instructionId, version: marked.version });
    await sweepSupervision(at(i.feedbackDeadline, -1));
    expect((await written(t.instructionId)).overdue).toHaveLength(1);
    await sweepSupervision(i.feedbackDeadline);
    await sweepSupervision(at(i.feedbackDeadline, 1000));
    w = await written(t.instructionId);
    expect(w.overdue.map((o) => o.kind)).toEqual(["SIGN_OFF", "FEEDBACK"]);
    expect(w.events).toEqual(["OVERDUE", "OVERDUE"]);
    expect(w.notified).toEqual({ INSTRUCTION_OVERDUE: ["officer.d01s01", "officer.d01s01"] });
    expect((await instructionRow(t.instructionId)).feedbackOverdueAt).toEqual(i.feedbackDeadline);
  });

  it("waiting at the district, the district's coordinators are told", async () => {
    const t = await createInstruction("AT_DISTRICT");
    const i = await instructionRow(t.instructionId);
    await sweepSupervision(i.signOffDeadline);
    const w = await written(t.instructionId);
    expect(w.overdue).toEqual([{ kind: "SIGN_OFF", deadline: i.signOffDeadline, stationId: null, districtId: t.districtId }]);
    expect(w.notified).toEqual({ INSTRUCTION_OVERDUE: ["coord.d01"] });
  });

  it("what was reported, closed or cancelled in time is never marked", async () => {
    const done = await Promise.all([createInstruction("REPORTED"), createInstruction("CLOSED"), createInstruction("CANCELLED")]);
    const latest = Math.max(...(await Promise.all(done.map((t) => instructionRow(t.instructionId)))).map((i) => i.escalateAt.getTime()));
    await sweepSupervision(new Date(latest + 1000));
    for (const t of done) expect(await written(t.instructionId)).toMatchObject({ overdue: [], notices: [], events: [] });
  });
});

describe("escalation (督办) and reminders", () => {
  let t: MadeInstruction;

  it("at twice the feedback interval from dispatch: once, one notice, the district's coordinators and the city's supervisors told", async () => {
    t = await createInstruction("SIGNED_OFF");
    const i = await instructionRow(t.instructionId);
    const interval = i.feedbackDeadline.getTime() - i.routedAt.getTime();
    expect(i.escalateAt.getTime()).toBe(i.issuedAt.getTime() + 2 * interval);

    await sweepSupervision(at(i.escalateAt, -1));
    expect((await written(t.instructionId)).notices).toEqual([]);
    await sweepSupervision(i.escalateAt);
    await sweepSupervision(at(i.escalateAt, 1000));
    const escalated = await instructionRow(t.instructionId);
    expect(escalated.escalatedAt).toEqual(i.escalateAt);
    expect(escalated.nextReminderAt).toEqual(at(i.escalateAt, interval));
    const w = await written(t.instructionId);
    expect(w.notices).toHaveLength(1);
    expect(w.notices[0]).toMatchObject({ cityId: i.cityId, districtId: t.districtId, stationId: t.stationId, raisedAt: i.escalateAt, replyRequiredAt: null });
    expect(w.events).toEqual(["OVERDUE", "ESCALATED"]);
    expect(w.audit.map((a) => a.action)).toEqual(["instruction.overdue", "instruction.escalate"]);
    // The district's coordinators and this city's supervisors (not the other city's), and the station that holds it.
    expect(w.notified.SUPERVISION_NOTICE).toEqual(["coord.d01", "leader", "officer.d01s01"]);
    expect((await getInstruction(leader, t.instructionId)).urgency).toBe("escalated");
  });

  it("then a reminder to the holder every feedback interval, until the feedback comes", async () => {
    const i = await instructionRow(t.instructionId);
    const interval = i.feedbackDeadline.getTime() - i.routedAt.getTime();
    const reminders = async () => (await written(t.instructionId)).events.filter((e) => e === "REMINDED").length;

    await sweepSupervision(at(i.escalatedAt!, interval / 2));
    expect(await reminders()).toBe(0);
    await sweepSupervision(at(i.escalatedAt!, interval));
    await sweepSupervision(at(i.escalatedAt!, interval + 1000));
    expect(await reminders()).toBe(1);
    expect((await instructionRow(t.instructionId)).nextReminderAt).toEqual(at(i.escalatedAt!, 2 * interval));
    await sweepSupervision(at(i.escalatedAt!, 2 * interval));
    expect(await reminders()).toBe(2);
    // The feedback arrives: no more reminders, the next one is forgotten.
    const row = await instructionRow(t.instructionId);
    await reportFeedback(officer, feedback({ instructionId: t.instructionId, version: row.version }, "DISSUADED"));
    await sweepSupervision(at(i.escalatedAt!, 3 * interval));
    expect(await reminders()).toBe(2);
    expect((await instructionRow(t.instructionId)).nextReminderAt).toBeNull();
    const w = await written(t.instructionId);
    expect(w.notices).toHaveLength(1);
    // Overdue (feedback) + two reminders, to the station's officer.
    expect(w.notified.INSTRUCTION_OVERDUE).toEqual(["officer.d01s01", "officer.d01s01", "officer.d01s01"]);
  });
});

describe("two workers sweeping at the same moment", () => {
  it("create one notice per instruction, one overdue row per deadline, one set of notifications", async () => {
    const made: MadeInstruction[] = [];
    for (let n = 0; n < 12; n++) made.push(await createInstruction(n % 3 === 0 ? "AT_DISTRICT" : n % 3 === 1 ? "AT_STATION" : "SIGNED_OFF", { stationCode: n % 2 ? "D01S01" : "D02S01" }));
    const rows = await Promise.all(made.map((t) => instructionRow(t.instructionId)));
    const ids = made.map((t) => t.instructionId);
    const latest = Math.max(...rows.map((i) => i.escalateAt.getTime()));

    // Several rounds at the same fake moments, so the two sweeps meet on every step.
    for (const moment of [Math.max(...rows.map((i) => i.signOffDeadline.getTime())), Math.max(...rows.map((i) => i.feedbackDeadline.getTime())), latest]) {
      const [a, b] = await Promise.all([sweepSupervision(new Date(moment)), sweepSupervision(new Date(moment))]);
      expect(a.signOffOverdue + b.signOffOverdue + a.feedbackOverdue + b.feedbackOverdue + a.escalated + b.escalated).toBeGreaterThan(0);
    }

    const awaitingSignOff = rows.filter((i) => i.status === "AT_DISTRICT" || i.status === "AT_STATION").length;
    expect(await db.instructionOverdue.count({ where: { instructionId: { in: ids }, kind: "SIGN_OFF" } })).toBe(awaitingSignOff);
    expect(await db.instructionOverdue.count({ where: { instructionId: { in: ids }, kind: "FEEDBACK" } })).toBe(ids.length);
    expect(await db.supervisionNotice.count({ where: { instructionId: { in: ids } } })).toBe(ids.length);
    expect(await db.instructionEvent.count({ where: { instructionId: { in: ids }, kind: "ESCALATED" } })).toBe(ids.length);
    expect(await db.instructionEvent.count({ where: { instructionId: { in: ids }, kind: "OVERDUE" } })).toBe(awaitingSignOff + ids.length);
    expect(await db.auditEvent.count({ where: { entityId: { in: ids }, action: "instruction.escalate" } })).toBe(ids.length);
    expect(await db.instructionEvent.count({ where: { instructionId: { in: ids }, kind: "REMINDED" } })).toBe(0);
    for (const [t, i] of made.map((m, k) => [m, rows[k]!] as const)) {
      const w = await written(t.instructionId);
      const holder = i.status === "AT_DISTRICT" ? [`coord.${t.districtId === made[0]!.districtId ? "d02" : "d01"}`] : [];
      const marks = i.status === "SIGNED_OFF" ? 1 : 2;
      expect(w.notified.INSTRUCTION_OVERDUE, t.instructionId).toHaveLength(marks);
      expect(w.notified.SUPERVISION_NOTICE, t.instructionId).toHaveLength(i.status === "AT_DISTRICT" ? 2 : 3);
      if (holder.length) expect(new Set(w.notified.INSTRUCTION_OVERDUE)).toEqual(new Set(holder));
    }
  });
});

describe("the supervision notice: comments, required replies, replies", () => {
  it("supervisors and the district comment and require a reply; the station replies once per requirement", async () => {
    const t = await createInstruction("SIGNED_OFF");
    await sweepSupervision((await instructionRow(t.instructionId)).escalateAt);
    const notify = async (kind: string) =>
      (await db.notification.findMany({ where: { instructionId: t.instructionId, kind: kind as never }, select: { user: { select: { username: true } } } })).map((n) => n.user.username).sort();
    const before = await notify("SUPERVISION_NOTICE");

    await commentOnNotice(leader, NoticeCommentSchema.parse({ instructionId: t.instructionId, text: "请东湖所说明情况" }));
    expect(await notify("SUPERVISION_NOTICE")).toEqual([...before, "officer.d01s01"].sort());
    await commentOnNotice(coordinator, NoticeCommentSchema.parse({ instructionId: t.instructionId, text: "限今日内回复", requireReply: "on" }));
    const required = await db.supervisionNotice.findUniqueOrThrow({ where: { instructionId: t.instructionId } });
    expect(required.replyRequiredById).toBe(coordinator.userId);
    expect(await notify("REPLY_REQUIRED")).toEqual(["officer.d01s01"]);
    expect((await getInstruction(officer, t.instructionId)).canReply).toBe(true);

    // One requirement pending at a time.
    await expectRefusal("require again", leader, () => commentOnNotice(leader, NoticeCommentSchema.parse({ instructionId: t.instructionId, text: "再次要求", requireReply: true })), {
      error: DomainError,
      reason: "invalidTransition",
      entityId: t.instructionId,
    });

    await replyToNotice(officer, NoticeReplySchema.parse({ instructionId: t.instructionId, reply: "当事人外出务工，已电话劝阻并约定周末上门" }));
    const replied = await db.supervisionNotice.findUniqueOrThrow({ where: { instructionId: t.instructionId } });
    expect(replied).toMatchObject({ repliedById: officer.userId, reply: "当事人外出务工，已电话劝阻并约定周末上门" });
    // This city's supervisors and the district; not the other city's.
    expect(await notify("SUPERVISION_REPLIED")).toEqual(["coord.d01", "leader"]);
    await expectRefusal("reply twice", officer, () => replyToNotice(officer, NoticeReplySchema.parse({ instructionId: t.instructionId, reply: "补充回复" })), {
      error: DomainError,
      reason: "noReplyRequired",
      entityId: t.instructionId,
    });

    // A new requirement, a new reply.
    await commentOnNotice(leader, NoticeCommentSchema.parse({ instructionId: t.instructionId, text: "请补充书面材料", requireReply: true }));
    await replyToNotice(officer, NoticeReplySchema.parse({ instructionId: t.instructionId, reply: "书面材料已上传" }));
    const events = await db.instructionEvent.findMany({ where: { instructionId: t.instructionId, kind: { in: ["SUPERVISION_COMMENT", "REPLY_REQUIRED", "REPLIED"] } }, orderBy: { at: "asc" }, select: { kind: true } });
    expect(events.map((e) => e.kind)).toEqual(["SUPERVISION_COMMENT", "REPLY_REQUIRED", "REPLIED", "REPLY_REQUIRED", "REPLIED"]);
  });

  it("two officers replying at once: one reply", async () => {
    const t = await createInstruction("REPLY_REQUIRED");
    const second = await anotherOfficer("D01S01", "officer.d01s01.c");
    const results = await Promise.allSettled([officer, second].map((o) => replyToNotice(o, NoticeReplySchema.parse({ instructionId: t.instructionId, reply: `回复 ${o.username}` }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(DomainError);
    expect(await db.instructionEvent.count({ where: { instructionId: t.instructionId, kind: "REPLIED" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: t.instructionId, action: "instruction.reply", outcome: "SUCCESS" } })).toBe(1);
    // Told that someone replied meanwhile: a conflict when both saw the requirement, else no reply is required any more.
    if (!(lost.reason instanceof ConflictError)) expect(lost.reason).toMatchObject({ code: "noReplyRequired" });
  });

  it("without a notice there is nothing to comment on or reply to; outsiders do not find it", async () => {
    const t = await createInstruction("SIGNED_OFF");
    await expectRefusal("comment without a notice", leader, () => commentOnNotice(leader, NoticeCommentSchema.parse({ instructionId: t.instructionId, text: "意见" })), {
      error: DomainError,
      reason: "noNotice",
      entityId: t.instructionId,
    });
    await expectRefusal("reply without a notice", officer, () => replyToNotice(officer, NoticeReplySchema.parse({ instructionId: t.instructionId, reply: "回复内容" })), {
      error: DomainError,
      reason: "noNotice",
      entityId: t.instructionId,
    });
    const n = await createInstruction("REPLY_REQUIRED");
    for (const username of ["coord.d02", "lc.leader"]) {
      const outsider = await account(username);
      await expectRefusal(`${username} comments`, outsider, () => commentOnNotice(outsider, NoticeCommentSchema.parse({ instructionId: n.instructionId, text: "越权意见" })), {
        error: NotFoundError,
        reason: "jurisdiction",
        entityId: n.instructionId,
      });
    }
    const neighbour = await account("officer.d01s02");
    await expectRefusal("another station replies", neighbour, () => replyToNotice(neighbour, NoticeReplySchema.parse({ instructionId: n.instructionId, reply: "越权回复" })), {
      error: NotFoundError,
      reason: "jurisdiction",
      entityId: n.instructionId,
    });
  });
});
