import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { fenToNumber, fenToYuanText, formatFen, formatFenCompact, parseYuanToFen, toFenBigInt } from "@/lib/money";

const yuan = (n: number) => BigInt(n) * 100n;

describe("toFenBigInt", () => {
  it("accepts bigint and safe integers, rejects anything inexact", () => {
    expect(toFenBigInt(123n)).toBe(123n);
    expect(toFenBigInt(-5)).toBe(-5n);
    expect(() => toFenBigInt(1.5)).toThrow(RangeError);
    expect(() => toFenBigInt(Number.NaN)).toThrow(RangeError);
    expect(() => toFenBigInt(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => toFenBigInt(2 ** 53)).toThrow(RangeError);
  });
});

describe("formatFen", () => {
  it("formats with thousands separators and two decimals", () => {
    expect(formatFen(123456)).toBe("¥1,234.56");
    expect(formatFen(123456n, "en")).toBe("¥1,234.56");
    expect(formatFen(0)).toBe("¥0.00");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(-1230)).toBe("-¥12.30");
    expect(formatFen(-1n)).toBe("-¥0.01");
    expect(formatFen(yuan(1_674_000) + 1n)).toBe("¥1,674,000.01");
    expect(formatFen(100_000_000_000_000_000_001n)).toBe("¥1,000,000,000,000,000,000.01");
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe("¥90,071,992,547,409.91");
  });
});

describe("formatFenCompact", () => {
  it("zh-CN: 元, 万, 亿 with at most two decimals", () => {
    expect(formatFenCompact(0)).toBe("0元");
    expect(formatFenCompact(123450)).toBe("1,234.5元");
    expect(formatFenCompact(yuan(9_999) + 99n)).toBe("9,999.99元");
    expect(formatFenCompact(yuan(10_000))).toBe("1万");
    expect(formatFenCompact(yuan(1_980_000))).toBe("198万");
    expect(formatFenCompact(yuan(1_674_000))).toBe("167.4万");
    expect(formatFenCompact(yuan(450_000))).toBe("45万");
    expect(formatFenCompact(yuan(94_979_000))).toBe("9,497.9万");
    expect(formatFenCompact(yuan(120_000_000))).toBe("1.2亿");
    expect(formatFenCompact(yuan(289_000_000))).toBe("2.89亿");
    expect(formatFenCompact(yuan(2_250_000_000))).toBe("22.5亿");
    expect(formatFenCompact(-yuan(1_980_000))).toBe("-198万");
  });

  it("zh-CN: rounds half away from zero, exactly", () => {
    expect(formatFenCompact(yuan(224_500_000))).toBe("2.25亿"); // 2.245 is not exact in floating point
    expect(formatFenCompact(yuan(224_499_999))).toBe("2.24亿");
    expect(formatFenCompact(-yuan(224_500_000))).toBe("-2.25亿");
    expect(formatFenCompact(yuan(12_345))).toBe("1.23万");
    expect(formatFenCompact(yuan(12_355))).toBe("1.24万");
  });

  it("zh-CN: switches to the next unit when rounding reaches it", () => {
    expect(formatFenCompact(yuan(99_999_999))).toBe("1亿");
    expect(formatFenCompact(yuan(99_994_999))).toBe("9,999.5万");
    expect(formatFenCompact(yuan(100_000_000))).toBe("1亿");
  });

  it("en: K, M, B", () => {
    expect(formatFenCompact(99_950, "en")).toBe("¥999.5");
    expect(formatFenCompact(yuan(12_300), "en")).toBe("¥12.3K");
    expect(formatFenCompact(yuan(1_980_000), "en")).toBe("¥1.98M");
    expect(formatFenCompact(yuan(120_000_000), "en")).toBe("¥120M");
    expect(formatFenCompact(yuan(2_250_000_000), "en")).toBe("¥2.25B");
    expect(formatFenCompact(yuan(999_999), "en")).toBe("¥1M");
    expect(formatFenCompact(-yuan(1_674_000), "en")).toBe("-¥1.67M");
  });

  it("property: compact value is within half a unit step of the exact amount", () => {
    const units: Record<string, number> = { 元: 1, 万: 1e4, 亿: 1e8 };
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => {
        const text = formatFenCompact(fen);
        const match = /^([\d,]+(?:\.\d{1,2})?)(元|万|亿)$/.exec(text);
        expect(match).not.toBeNull();
        const [, num = "", suffix = ""] = match ?? [];
        expect(num).not.toMatch(/\.\d*0$/); // trailing zeros dropped
        const unitYuan = BigInt(units[suffix] ?? 0);
        const shownFen = (parseYuanToFen(num) ?? -1n) * unitYuan;
        const diff = shownFen > fen ? shownFen - fen : fen - shownFen;
        // Two decimals of the unit: error at most 0.005 unit = unitYuan / 2 fen.
        expect(diff * 2n <= unitYuan).toBe(true);
      }),
    );
  });
});

describe("fenToYuanText", () => {
  it("writes an amount as a user types it, which parses back to the same fen", () => {
    expect(fenToYuanText(2_000_000n)).toBe("20000.00");
    expect(fenToYuanText(500_050n)).toBe("5000.50");
    expect(fenToYuanText(1)).toBe("0.01");
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => parseYuanToFen(fenToYuanText(fen)) === fen));
  });
});

describe("parseYuanToFen", () => {
  it("parses plain, grouped and decimal amounts", () => {
    expect(parseYuanToFen("1234")).toBe(123400n);
    expect(parseYuanToFen("1,234.5")).toBe(123450n);
    expect(parseYuanToFen("1234.56")).toBe(123456n);
    expect(parseYuanToFen(" 0.01 ")).toBe(1n);
    expect(parseYuanToFen("0")).toBe(0n);
    expect(parseYuanToFen("¥1,674,000.01")).toBe(167400001n);
    expect(parseYuanToFen("￥450000")).toBe(45000000n);
    expect(parseYuanToFen("450000元")).toBe(45000000n);
    // Beyond 2^53 fen: still exact because nothing goes through floating point.
    expect(parseYuanToFen("90071992547409.93")).toBe(9007199254740993n);
  });

  it("rejects negatives, extra decimals and non-numbers", () => {
    for (const bad of [
      "",
      "-12.30",
      "-¥12.30",
      "1234.567",
      "0.001",
      "abc",
      "12a",
      "1.2.3",
      "1,23",
      "12,34.5",
      "1234,567",
      ",123",
      ".5",
      "5.",
      "1e5",
      "Infinity",
      "NaN",
      "1 234",
      "+12",
      "0x10",
    ]) {
      expect(parseYuanToFen(bad), bad).toBeNull();
    }
  });

  it("property: parseYuanToFen(formatFen(x)) round-trips", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 22n }), (fen) => {
        expect(parseYuanToFen(formatFen(fen))).toBe(fen);
        // Also without the currency sign, as a user would type it.
        expect(parseYuanToFen(formatFen(fen).slice(1))).toBe(fen);
      }),
    );
  });

  it("property: negative amounts never parse", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: -1n }), (fen) => {
        expect(parseYuanToFen(formatFen(fen))).toBeNull();
      }),
    );
  });

  it("property: plain decimal strings parse to the exact integer value", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole}.${String(cents).padStart(2, "0")}`;
        expect(parseYuanToFen(text)).toBe(whole * 100n + BigInt(cents));
      }),
    );
  });
});

describe("fenToNumber", () => {
  it("converts within the safe range and throws outside it", () => {
    expect(fenToNumber(123456n)).toBe(123456);
    expect(fenToNumber(-5n)).toBe(-5);
    expect(fenToNumber(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(fenToNumber(BigInt(Number.MIN_SAFE_INTEGER))).toBe(Number.MIN_SAFE_INTEGER);
    expect(() => fenToNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    expect(() => fenToNumber(BigInt(Number.MIN_SAFE_INTEGER) - 1n)).toThrow(RangeError);
  });

  it("property: round-trips every safe integer", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(fenToNumber(BigInt(n))).toBe(n);
      }),
    );
  });
});
