// The working-day calendar. Every date here is made up for the test (2031), never an official
// arrangement; each test uses days of its own.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { addCalendarDay, changeCalendarDay, importCalendarYear, listCalendarYear, removeCalendarDay } from "@/lib/server/config/calendar-days";
import { loadWorkingDayCalendar } from "@/lib/server/config/working-calendar";
import { deadlineFor } from "@/lib/server/config/deadline-rules";
import { AddCalendarDaySchema, ImportCalendarSchema } from "@/lib/schemas/calendar";
import type { Actor } from "@/lib/auth/actor";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";
import { auditRowsAfter, expectNothingWritten, lastAuditId } from "../../support/refusals";

await openTestDatabase("demo");

async function dayOf(actor: Actor, day: string) {
  return (await listCalendarYear(actor, Number(day.slice(0, 4)))).days.find((d) => d.day === day);
}

describe("the working-day calendar", () => {
  it("the installation's admin adds, changes and removes a day, each audited; a city's admin reads it", async () => {
    const prov = await signInAs("prov.admin");
    await addCalendarDay(prov, { day: "2031-05-01", working: false, note: "测试假日" });
    const added = await dayOf(prov, "2031-05-01");
    expect(added).toMatchObject({ working: false, note: "测试假日" });

    expect(await changeCalendarDay(prov, { day: "2031-05-01", working: false, note: "测试假日（改）", stamp: added!.stamp })).toEqual({ changed: true });
    const changed = await dayOf(prov, "2031-05-01");
    expect(changed).toMatchObject({ working: false, note: "测试假日（改）" });
    // Saving it unchanged writes and records nothing.
    const last = await lastAuditId();
    expect(await changeCalendarDay(prov, { day: "2031-05-01", working: false, note: "测试假日（改）", stamp: changed!.stamp })).toEqual({ changed: false });
    expect(await auditRowsAfter(last)).toEqual([]);

    const city = await listCalendarYear(await signInAs("admin"), 2031);
    expect(city.canManage).toBe(false);
    expect(city.keptYears).toContain(2031);
    expect(city.days.find((d) => d.day === "2031-05-01")?.note).toBe("测试假日（改）");

    await removeCalendarDay(prov, { day: "2031-05-01", stamp: changed!.stamp });
    expect(await dayOf(prov, "2031-05-01")).toBeUndefined();
    const trail = await db.auditEvent.findMany({ where: { entityType: "calendar_day", entityId: "2031-05-01" }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.action, e.outcome, e.actorId, e.cityId])).toEqual([
      ["calendar.add_day", "SUCCESS", prov.userId, null],
      ["calendar.change_day", "SUCCESS", prov.userId, null],
      ["calendar.remove_day", "SUCCESS", prov.userId, null],
    ]);
    expect(trail[1]!.details).toEqual({ day: "2031-05-01", working: false, note: "测试假日（改）", before: { working: false, note: "测试假日" } });
  });

  it("bad input is a field error and writes nothing: the form's rules, a day already kept, 班 on a weekday", async () => {
    const prov = await signInAs("prov.admin");
    const fields = (input: Record<string, string>) => AddCalendarDaySchema.safeParse({ day: "2031-05-02", working: "false", note: "测试", ...input }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(fields({ day: "2031-02-29" })).toEqual([["day", "moneyAdmin.validation.day"]]);
    expect(fields({ day: "1999-12-31" })).toEqual([["day", "moneyAdmin.validation.day"]]);
    expect(fields({ working: "maybe" })).toEqual([["working", "moneyAdmin.validation.dayKind"]]);
    expect(fields({ note: "  " })).toEqual([["note", "moneyAdmin.validation.note"]]);
    expect(fields({ note: "长".repeat(61) })).toEqual([["note", "moneyAdmin.validation.note"]]);
    // 2031-05-02 is a Friday: a working day already.
    expect(fields({ working: "true" })).toEqual([["working", "moneyAdmin.validation.workdayOnWeekday"]]);

    // The domain function checks again, whatever the caller sends.
    await expectNothingWritten(() => addCalendarDay(prov, { day: "2031-05-02", working: true, note: "测试" }), { error: ValidationError, code: "moneyAdmin.validation.workdayOnWeekday" });
    await expectNothingWritten(() => addCalendarDay(prov, { day: "2031-05-02", working: false, note: "" }), { error: ValidationError, code: "moneyAdmin.validation.note" });
    await addCalendarDay(prov, { day: "2031-05-02", working: false, note: "测试" });
    await expectNothingWritten(() => addCalendarDay(prov, { day: "2031-05-02", working: false, note: "再来一次" }), { error: ValidationError, code: "moneyAdmin.validation.dayTaken", field: "day" });
    const kept = await dayOf(prov, "2031-05-02");
    await expectNothingWritten(() => changeCalendarDay(prov, { day: "2031-05-02", working: true, note: "测试", stamp: kept!.stamp }), { error: ValidationError });
  });

  it("a stale day is a conflict and writes nothing; of two saves at once, one wins", async () => {
    const prov = await signInAs("prov.admin");
    await addCalendarDay(prov, { day: "2031-06-02", working: false, note: "测试" });
    const stale = (await dayOf(prov, "2031-06-02"))!.stamp;
    await changeCalendarDay(prov, { day: "2031-06-02", working: false, note: "测试（他人修改）", stamp: stale });
    await expectNothingWritten(() => changeCalendarDay(prov, { day: "2031-06-02", working: false, note: "我的修改", stamp: stale }), { error: ConflictError });
    await expectNothingWritten(() => removeCalendarDay(prov, { day: "2031-06-02", stamp: stale }), { error: ConflictError });
    // A day that is not in the calendar cannot be changed or removed either.
    await expectNothingWritten(() => removeCalendarDay(prov, { day: "2031-06-03", stamp: stale }), { error: ConflictError });

    const fresh = (await dayOf(prov, "2031-06-02"))!.stamp;
    const last = await lastAuditId();
    const results = await Promise.allSettled(
      ["甲的修改", "乙的修改"].map((note) => changeCalendarDay(prov, { day: "2031-06-02", working: false, note, stamp: fresh })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await auditRowsAfter(last)).map((e) => e.action)).toEqual(["calendar.change_day"]);
  });

  it("a year's lines go in at once: added or changed, unlisted days kept, one audit row; a stale year or a bad line writes nothing", async () => {
    const prov = await signInAs("prov.admin");
    await addCalendarDay(prov, { day: "2032-01-01", working: false, note: "测试旧备注" });
    await addCalendarDay(prov, { day: "2032-03-01", working: false, note: "不在名单中" });
    const loaded = await listCalendarYear(prov, 2032);
    const input = ImportCalendarSchema.parse({
      year: "2032",
      stamp: loaded.stamp,
      text: "2032-01-01 休 测试元旦\n2032-02-07~2032-02-13 休 测试春节\n2032-02-01 班 测试调休",
    });
    // Someone else changes the year meanwhile: the paste is refused whole.
    await addCalendarDay(prov, { day: "2032-04-05", working: false, note: "他人添加" });
    await expectNothingWritten(() => importCalendarYear(prov, input), { error: ConflictError });

    const fresh = { ...input, stamp: (await listCalendarYear(prov, 2032)).stamp };
    // A bad day among good ones (as a caller other than the form could send): nothing is written.
    await expectNothingWritten(() => importCalendarYear(prov, { ...fresh, days: [...fresh.days, { day: "2032-02-02", working: true, note: "周一" }] }), { error: ValidationError });
    await expectNothingWritten(() => importCalendarYear(prov, { ...fresh, days: [...fresh.days, { day: "2033-01-01", working: false, note: "明年" }] }), { error: ValidationError });

    expect(await importCalendarYear(prov, fresh)).toEqual({ created: 8, updated: 1, unchanged: 0 });
    const year = await listCalendarYear(prov, 2032);
    expect(year.days.map((d) => [d.day, d.working, d.note])).toEqual([
      ["2032-01-01", false, "测试元旦"],
      ["2032-02-01", true, "测试调休"],
      ...["07", "08", "09", "10", "11", "12", "13"].map((d) => [`2032-02-${d}`, false, "测试春节"]),
      ["2032-03-01", false, "不在名单中"],
      ["2032-04-05", false, "他人添加"],
    ]);
    const audit = await db.auditEvent.findMany({ where: { action: "calendar.import" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "calendar_year", entityId: "2032", actorId: prov.userId, details: { year: 2032, created: 8, updated: 1 } });
    // The same paste again changes nothing and records nothing.
    const last = await lastAuditId();
    expect(await importCalendarYear(prov, { ...fresh, stamp: year.stamp })).toEqual({ created: 0, updated: 0, unchanged: 9 });
    expect(await auditRowsAfter(last)).toEqual([]);
  });

  it("working days follow the calendar: a 调休 Saturday counts, a holiday does not", async () => {
    const prov = await signInAs("prov.admin");
    // 2031-10-03 is a Friday. Saturday the 4th is worked; Monday the 6th and Tuesday the 7th are off.
    await addCalendarDay(prov, { day: "2031-10-04", working: true, note: "测试调休" });
    await addCalendarDay(prov, { day: "2031-10-06", working: false, note: "测试假日" });
    await addCalendarDay(prov, { day: "2031-10-07", working: false, note: "测试假日" });
    const calendar = await loadWorkingDayCalendar(db, new Date("2031-10-01T00:00:00+08:00"), new Date("2031-10-31T00:00:00+08:00"));
    expect(["2031-10-03", "2031-10-04", "2031-10-05", "2031-10-06", "2031-10-07", "2031-10-08"].map((d) => calendar.isWorkingDay(d))).toEqual([true, true, false, false, false, true]);
    expect(() => calendar.isWorkingDay("2031-11-01")).toThrow(RangeError);

    // A return filed on that Friday (3 working days by default): Saturday the 4th, Wednesday the
    // 8th, Thursday the 9th; due at the end of Thursday, Shanghai time. Without the calendar it
    // would be the end of Wednesday the 8th.
    const cityId = (await signInAs("analyst1")).cityId!;
    const due = await deadlineFor(db, { cityId, kind: "BANK_RETURN", riskLevel: null, start: new Date("2031-10-03T10:00:00+08:00") });
    expect(due.toISOString()).toBe("2031-10-09T16:00:00.000Z");
  });
});
