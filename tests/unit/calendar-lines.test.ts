// The bulk entry of a year's calendar, as admins paste it from the State Council's notice. The
// dates are made up for the test (2031), never an official arrangement.
import { describe, expect, it } from "vitest";
import { ImportCalendarSchema, parseCalendarLines } from "@/lib/schemas/calendar";

describe("a year's calendar lines", () => {
  it("reads single days, ranges, both words for each kind and loose date forms; skips blanks and comments", () => {
    const { days, errors } = parseCalendarLines(
      ["# 2031 年（测试）", "", "2031-10-01~2031-10-03 休 测试 假期", "2031/9/28\t班\t测试调休", "2031年10月11日　上班　测试调休", "2031-12-31 放假 测试"].join("\r\n"),
      2031,
    );
    expect(errors).toEqual([]);
    expect(days).toEqual([
      { day: "2031-10-01", working: false, note: "测试 假期" },
      { day: "2031-10-02", working: false, note: "测试 假期" },
      { day: "2031-10-03", working: false, note: "测试 假期" },
      { day: "2031-09-28", working: true, note: "测试调休" },
      { day: "2031-10-11", working: true, note: "测试调休" },
      { day: "2031-12-31", working: false, note: "测试" },
    ]);
  });

  it("names each bad line and what is wrong with it", () => {
    const text = [
      "2031-10-01 休 测试", // 1: fine
      "2031-10-01", // 2: no kind
      "2031-02-30 休 测试", // 3: no such day
      "2031-10-02 周末 测试", // 4: unknown kind
      "2031-10-03 休", // 5: no note
      "2031-10-06 班 测试", // 6: a Monday
      "2030-10-04 休 测试", // 7: another year
      "2031-10-01 休 重复", // 8: same day as line 1
      "2031-10-09~2031-10-05 休 测试", // 9: backwards
      `2031-10-04 班 ${"长".repeat(61)}`, // 10: note too long
    ].join("\n");
    expect(parseCalendarLines(text, 2031).errors).toEqual([
      { line: 2, message: "moneyAdmin.validation.lineFormat" },
      { line: 3, message: "moneyAdmin.validation.day" },
      { line: 4, message: "moneyAdmin.validation.dayKind" },
      { line: 5, message: "moneyAdmin.validation.note" },
      { line: 6, message: "moneyAdmin.validation.workdayOnWeekday" },
      { line: 7, message: "moneyAdmin.validation.notInYear", values: { year: "2031" } },
      { line: 8, message: "moneyAdmin.validation.duplicateDay", values: { first: 1 } },
      { line: 9, message: "moneyAdmin.validation.dayRange", values: { max: 31 } },
      { line: 10, message: "moneyAdmin.validation.note" },
    ]);
  });

  it("as a form: every line error on the text field with its line, or the days when all are valid", () => {
    const bad = ImportCalendarSchema.safeParse({ year: "2031", stamp: "s", text: "2031-10-06 班 测试\n\n2031-13-01 休 测试" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message, i.code === "custom" ? i.params : undefined])).toEqual([
      ["text", "moneyAdmin.validation.workdayOnWeekday", { line: 1 }],
      ["text", "moneyAdmin.validation.day", { line: 3 }],
    ]);
    expect(ImportCalendarSchema.safeParse({ year: "2031", stamp: "s", text: " \n# 无\n" }).error?.issues.map((i) => i.message)).toEqual(["moneyAdmin.validation.noLines"]);
    expect(ImportCalendarSchema.parse({ year: "2031", stamp: "s", text: "2031-10-04 班 测试调休" })).toEqual({
      year: 2031,
      stamp: "s",
      days: [{ day: "2031-10-04", working: true, note: "测试调休" }],
    });
  });
});
