import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isInternationalNumber, normalizeFraudNumber, normalizeMobile } from "@/lib/pii/phone";

const digit = fc.constantFrom(..."0123456789".split(""));
/** Random mainland mobile: 1, then 3–9, then 9 digits. */
const mobile = fc
  .tuple(fc.constantFrom(..."3456789".split("")), fc.string({ unit: digit, minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest}`);

describe("normalizeMobile", () => {
  it("accepts a plain 11-digit mobile", () => {
    expect(normalizeMobile("13812341234")).toBe("13812341234");
    expect(normalizeMobile("19912345678")).toBe("19912345678");
  });

  it("strips separators and the mainland prefixes", () => {
    expect(normalizeMobile(" 138 1234 1234 ")).toBe("13812341234");
    expect(normalizeMobile("138-1234-1234")).toBe("13812341234");
    expect(normalizeMobile("(+86) 138-1234-1234")).toBe("13812341234");
    expect(normalizeMobile("+8613812341234")).toBe("13812341234");
    expect(normalizeMobile("008613812341234")).toBe("13812341234");
    expect(normalizeMobile("8613812341234")).toBe("13812341234");
    expect(normalizeMobile("+86 138 1234 1234")).toBe("13812341234");
    expect(normalizeMobile("（０）138　1234　1234".replace("（０）", ""))).toBe("13812341234");
  });

  it("rejects numbers that are not mainland mobiles", () => {
    for (const bad of [
      "",
      "12812341234", // second digit 2
      "23812341234", // does not start with 1
      "1381234123", // 10 digits
      "138123412345", // 12 digits
      "+85261234567", // Hong Kong
      "0085261234567",
      "+1 415 555 0100",
      "02087654321", // Guangzhou landline
      "861381234123", // "86" + 10 digits: prefix not stripped
      "+86138123412345", // "+86" + 12 digits
      "86 86 13812341234", // prefix only removed once
      "1381234123a",
      "１３８１２３４１２３４", // full-width digits
    ]) {
      expect(normalizeMobile(bad), bad).toBeNull();
    }
  });

  it("property: every mobile, with any prefix and separators, normalises to itself", () => {
    fc.assert(
      fc.property(
        mobile,
        fc.constantFrom("", "+86", "0086", "86", "+86 ", "(+86)"),
        fc.constantFrom("", " ", "-"),
        (m, prefix, sep) => {
          const formatted = `${prefix}${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`;
          expect(normalizeMobile(formatted)).toBe(m);
        },
      ),
    );
  });

  it("property: result is null or an 11-digit mobile", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = normalizeMobile(s);
        if (r !== null) expect(r).toMatch(/^1[3-9]\d{9}$/);
      }),
    );
  });
});

describe("normalizeFraudNumber", () => {
  it("keeps fraud-side numbers as given apart from whitespace", () => {
    expect(normalizeFraudNumber("  +852 6123 4567 ")).toBe("+85261234567");
    expect(normalizeFraudNumber("00 1 415 555 0100")).toBe("0014155550100");
    expect(normalizeFraudNumber("+86 138 1234 1234")).toBe("+8613812341234");
    expect(normalizeFraudNumber("95555")).toBe("95555");
    expect(normalizeFraudNumber("170-1234-5678")).toBe("170-1234-5678");
  });

  it("property: never adds or reorders characters", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normalizeFraudNumber(s)).toBe(s.split(/\s/).join(""));
      }),
    );
  });
});

describe("isInternationalNumber", () => {
  it("detects 00 and + prefixes", () => {
    expect(isInternationalNumber("+85261234567")).toBe(true);
    expect(isInternationalNumber("0085261234567")).toBe(true);
    expect(isInternationalNumber(" +1 415 555 0100")).toBe(true);
    expect(isInternationalNumber("00855 12 345 678")).toBe(true);
  });

  it("does not flag mainland or domestic numbers", () => {
    expect(isInternationalNumber("+8613812341234")).toBe(false);
    expect(isInternationalNumber("+86 138 1234 1234")).toBe(false);
    expect(isInternationalNumber("008613812341234")).toBe(false);
    expect(isInternationalNumber("13812341234")).toBe(false);
    expect(isInternationalNumber("02087654321")).toBe(false);
    expect(isInternationalNumber("8613812341234")).toBe(false);
    expect(isInternationalNumber("")).toBe(false);
  });
});
