import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fenInCapitals } from "@/lib/cases/amount-in-capitals";

describe("fenInCapitals (大写金额)", () => {
  it.each([
    [31_681_927n, "叁拾壹万陆仟捌佰壹拾玖元贰角柒分"],
    [0n, "零元整"],
    [1n, "壹分"],
    [50n, "伍角整"],
    [12n, "壹角贰分"],
    [100n, "壹元整"],
    [1_000n, "壹拾元整"],
    [1_600n, "壹拾陆元整"],
    [10_005n, "壹佰元零伍分"],
    [10_050n, "壹佰元伍角整"],
    [100_100n, "壹仟零壹元整"],
    [1_000_000n, "壹万元整"],
    [10_001_000n, "壹拾万零壹拾元整"],
    [100_000_000n, "壹佰万元整"],
    [1_000_010_000n, "壹仟万零壹佰元整"],
    [10_000_000_000n, "壹亿元整"],
    [10_001_000_000n, "壹亿零壹万元整"],
    [10_100_000_000n, "壹亿零壹佰万元整"],
    [198_000_000n, "壹佰玖拾捌万元整"],
    [167_400_000n, "壹佰陆拾柒万肆仟元整"],
    [99_999_999_999_999n, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"],
  ])("%s fen → %s", (fen, words) => {
    expect(fenInCapitals(fen)).toBe(words);
  });

  it("refuses what a notice cannot say", () => {
    expect(() => fenInCapitals(-1n)).toThrow(RangeError);
    expect(() => fenInCapitals(100_000_000_000_000n)).toThrow(RangeError);
  });

  it("never writes two zeros in a row, nor starts or ends the yuan with one, and ends with 整 or 分", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 99_999_999_999_999n }), (fen) => {
        const words = fenInCapitals(fen);
        expect(words).not.toMatch(/零零|^零|零元|零整/);
        expect(words).toMatch(/[整分]$/);
        // Every non-zero digit of the figure appears in words: count them.
        const nonZero = [...fen.toString()].filter((d) => d !== "0").length;
        expect([...words].filter((c) => "壹贰叁肆伍陆柒捌玖".includes(c)).length).toBe(nonZero);
      }),
    );
  });
});
