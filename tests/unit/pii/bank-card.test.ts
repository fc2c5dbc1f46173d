import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  isPlausibleBankAccount,
  isValidBankCard,
  luhnCheckDigit,
  normalizeBankAccount,
} from "@/lib/pii/bank-card";

// Independent reference: the "double every other digit from the check digit's left" formulation,
// computing the digit that makes the total a multiple of 10.
function referenceLuhnDigit(payload: string): string {
  const reversed = payload.split("").reverse().map(Number);
  const sum = reversed.reduce((acc, d, i) => {
    if (i % 2 === 0) {
      const doubled = d * 2;
      return acc + Math.floor(doubled / 10) + (doubled % 10);
    }
    return acc + d;
  }, 0);
  return String((10 - (sum % 10)) % 10);
}

const digit = fc.constantFrom(..."0123456789".split(""));
const payload = fc.string({ unit: digit, minLength: 11, maxLength: 18 });

describe("isValidBankCard", () => {
  it("accepts well-known test card numbers", () => {
    expect(isValidBankCard("4111111111111111")).toBe(true); // Visa test number
    expect(isValidBankCard("5500 0000 0000 0004")).toBe(true); // Mastercard test number
    expect(isValidBankCard("6212 3456 7890 1232")).toBe(true); // UnionPay 62 format
    expect(isValidBankCard("79927398713")).toBe(false); // classic Luhn example, but 11 digits
    expect(isValidBankCard("799273987130")).toBe(false); // 12 digits, wrong check
  });

  it("rejects wrong check digits, lengths and characters", () => {
    expect(isValidBankCard("4111111111111112")).toBe(false);
    expect(isValidBankCard("")).toBe(false);
    expect(isValidBankCard("00000000000")).toBe(false); // 11 digits, Luhn sum 0
    expect(isValidBankCard("000000000000")).toBe(true); // 12 digits, Luhn sum 0
    expect(isValidBankCard("00000000000000000000")).toBe(false); // 20 digits
    expect(isValidBankCard("4111a11111111111")).toBe(false);
  });

  it("property: appending the Luhn digit validates", () => {
    fc.assert(
      fc.property(payload, (p) => {
        expect(luhnCheckDigit(p)).toBe(referenceLuhnDigit(p));
        expect(isValidBankCard(p + referenceLuhnDigit(p))).toBe(true);
      }),
    );
  });

  it("property: any single-digit change breaks it", () => {
    fc.assert(
      fc.property(payload, fc.nat(), fc.integer({ min: 1, max: 9 }), (p, rawPos, delta) => {
        const card = p + referenceLuhnDigit(p);
        const pos = rawPos % card.length;
        const changed = card.slice(0, pos) + String((Number(card[pos]) + delta) % 10) + card.slice(pos + 1);
        expect(isValidBankCard(changed)).toBe(false);
      }),
    );
  });

  it("luhnCheckDigit rejects non-digits", () => {
    expect(() => luhnCheckDigit("")).toThrow(RangeError);
    expect(() => luhnCheckDigit("12a")).toThrow(RangeError);
  });
});

describe("normalizeBankAccount / isPlausibleBankAccount", () => {
  it("strips spaces and dashes only", () => {
    expect(normalizeBankAccount(" 6222 0212-3456 7891 234 ")).toBe("6222021234567891234");
    expect(normalizeBankAccount("6222　0212")).toBe("62220212");
    expect(normalizeBankAccount("6222/0212")).toBe("6222/0212");
  });

  it("accepts corporate accounts that fail Luhn", () => {
    // 19 digits (within card length) but no Luhn check digit (it would be 7), as is common for 对公 accounts.
    const corporate = "4405014608010000013";
    expect(isValidBankCard(corporate)).toBe(false);
    expect(isPlausibleBankAccount(corporate)).toBe(true);
    expect(isPlausibleBankAccount("44050146080100000123")).toBe(true); // 20 digits
    expect(isPlausibleBankAccount("1234-5678")).toBe(true);
    expect(isPlausibleBankAccount("123456789012345678901234567890")).toBe(true);
  });

  it("rejects too short, too long and non-digit values", () => {
    expect(isPlausibleBankAccount("1234567")).toBe(false);
    expect(isPlausibleBankAccount("1234567890123456789012345678901")).toBe(false);
    expect(isPlausibleBankAccount("12345678X")).toBe(false);
    expect(isPlausibleBankAccount("")).toBe(false);
  });

  it("property: every valid card is a plausible account", () => {
    fc.assert(
      fc.property(payload, (p) => {
        expect(isPlausibleBankAccount(p + referenceLuhnDigit(p))).toBe(true);
      }),
    );
  });
});
