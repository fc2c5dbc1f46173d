import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { idNumberCheckChar, isValidIdNumber, normalizeIdNumber } from "@/lib/pii/id-number";

// Independent reference: weights derived as 2^(17-i) mod 11 and the check value as
// (12 - sum mod 11) mod 11 (ISO 7064 MOD 11-2), instead of the lookup tables in the module.
function referenceCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  }
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? "X" : String(value);
}

const NOW = new Date("2025-06-15T04:00:00Z"); // 12:00 in Beijing

const digit = fc.constantFrom(..."0123456789".split(""));
const digits = (n: number) => fc.string({ unit: digit, minLength: n, maxLength: n });

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_DAY = Date.UTC(1900, 0, 1);
const LAST_DAY = Date.UTC(2025, 5, 15);
/** A birth date YYYYMMDD between 1900-01-01 and NOW (inclusive). */
const birthDate = fc.integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY_MS }).map((days) => {
  const d = new Date(FIRST_DAY + days * DAY_MS);
  return (
    String(d.getUTCFullYear()) +
    String(d.getUTCMonth() + 1).padStart(2, "0") +
    String(d.getUTCDate()).padStart(2, "0")
  );
});
/** 17 characters of a structurally valid ID: region code, real birth date, sequence. */
const validFirst17 = fc.tuple(digits(6), birthDate, digits(3)).map(([r, b, s]) => r + b + s);

function withCheck(first17: string): string {
  return first17 + referenceCheckChar(first17);
}

describe("idNumberCheckChar", () => {
  it("matches the published example 11010519491231002X", () => {
    expect(idNumberCheckChar("11010519491231002")).toBe("X");
  });

  it("matches hand-checked vectors", () => {
    // 440524188001010014 is the example in GB 11643-1999 itself.
    expect(idNumberCheckChar("44052418800101001")).toBe("4");
    expect(idNumberCheckChar("00000000000000000")).toBe("1");
    expect(idNumberCheckChar("11111111111111111")).toBe("0"); // weights sum to 100
  });

  it("agrees with the independent reference on any 17 digits", () => {
    fc.assert(
      fc.property(digits(17), (first17) => {
        expect(idNumberCheckChar(first17)).toBe(referenceCheckChar(first17));
      }),
    );
  });

  it("rejects input that is not 17 digits", () => {
    expect(() => idNumberCheckChar("1101051949123100")).toThrow(RangeError);
    expect(() => idNumberCheckChar("110105194912310021")).toThrow(RangeError);
    expect(() => idNumberCheckChar("1101051949123100a")).toThrow(RangeError);
  });
});

describe("isValidIdNumber / normalizeIdNumber", () => {
  it("accepts the published example, also with lowercase x and surrounding spaces", () => {
    expect(isValidIdNumber("11010519491231002X", NOW)).toBe(true);
    expect(normalizeIdNumber(" 11010519491231002x ", NOW)).toBe("11010519491231002X");
  });

  it("uses the current date by default", () => {
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
  });

  it("accepts ids with a computed check character", () => {
    for (const first17 of ["44010619900307123", "36010220000229456", "14020219000101001"]) {
      const id = withCheck(first17);
      expect(normalizeIdNumber(id, NOW)).toBe(id);
    }
  });

  it("rejects a wrong check character", () => {
    expect(isValidIdNumber("110105194912310021", NOW)).toBe(false);
    expect(isValidIdNumber("110105194912310020", NOW)).toBe(false);
  });

  it("rejects wrong lengths and characters", () => {
    for (const bad of ["", "11010519491231002", "11010519491231002XX", "1101051949123100X2", "11010519491231002Y", "110105-19491231002X"]) {
      expect(isValidIdNumber(bad, NOW)).toBe(false);
    }
    // 15-digit first-generation numbers are not accepted.
    expect(isValidIdNumber("110105491231002", NOW)).toBe(false);
    // Full-width digits are not ASCII digits.
    expect(isValidIdNumber("１１０１０５１９４９１２３１００２X", NOW)).toBe(false);
  });

  it("rejects impossible birth dates even with a correct check character", () => {
    expect(isValidIdNumber(withCheck("11010519490230002"), NOW)).toBe(false); // 30 Feb
    expect(isValidIdNumber(withCheck("11010519491301002"), NOW)).toBe(false); // month 13
    expect(isValidIdNumber(withCheck("11010519490000002"), NOW)).toBe(false); // month 0
    expect(isValidIdNumber(withCheck("11010519490100002"), NOW)).toBe(false); // day 0
    expect(isValidIdNumber(withCheck("11010519000229002"), NOW)).toBe(false); // 1900 not leap
    expect(isValidIdNumber(withCheck("11010520000229002"), NOW)).toBe(true); // 2000 leap
  });

  it("rejects birth dates before 1900 or after today (Beijing time)", () => {
    // The standard's own example is born in 1880: checksum fine, date out of range.
    expect(isValidIdNumber("440524188001010014", NOW)).toBe(false);
    expect(isValidIdNumber(withCheck("11010518991231002"), NOW)).toBe(false);
    expect(isValidIdNumber(withCheck("11010519000101002"), NOW)).toBe(true);
    expect(isValidIdNumber(withCheck("11010520250615002"), NOW)).toBe(true);
    expect(isValidIdNumber(withCheck("11010520250616002"), NOW)).toBe(false);
    // 2025-06-15 16:30 UTC is already 2025-06-16 in Beijing.
    const lateUtc = new Date("2025-06-15T16:30:00Z");
    expect(isValidIdNumber(withCheck("11010520250616002"), lateUtc)).toBe(true);
  });

  it("property: any valid prefix plus its check character is valid", () => {
    fc.assert(
      fc.property(validFirst17, (first17) => {
        const id = first17 + idNumberCheckChar(first17);
        expect(normalizeIdNumber(id, NOW)).toBe(id);
        expect(normalizeIdNumber(id.toLowerCase(), NOW)).toBe(id);
      }),
    );
  });

  it("property: changing any single character makes it invalid", () => {
    fc.assert(
      fc.property(
        validFirst17,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(..."0123456789X".split("")),
        (first17, position, replacement) => {
          const id = withCheck(first17);
          fc.pre(id[position] !== replacement);
          // X is only allowed in the last position; elsewhere it is a format error anyway.
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(isValidIdNumber(changed, NOW)).toBe(false);
        },
      ),
    );
  });

  it("property: a digit change in the first 17 always changes the check character", () => {
    // Stronger than the property above: MOD 11-2 detects every single substitution by itself,
    // not only through the birth-date check.
    fc.assert(
      fc.property(digits(17), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (first17, position, delta) => {
        const changedDigit = String((Number(first17[position]) + delta) % 10);
        const changed = first17.slice(0, position) + changedDigit + first17.slice(position + 1);
        expect(idNumberCheckChar(changed)).not.toBe(idNumberCheckChar(first17));
      }),
    );
  });

  it("property: random strings are almost never valid and never throw", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const result = normalizeIdNumber(s, NOW);
        if (result !== null) expect(result).toMatch(/^\d{17}[\dX]$/);
      }),
    );
  });
});
