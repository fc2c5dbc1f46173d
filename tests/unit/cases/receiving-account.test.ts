import { describe, expect, it } from "vitest";
import { checkReceivingAccount } from "@/lib/cases/receiving-account";
import { luhnCheckDigit } from "@/lib/pii/bank-card";

const bank = { kind: "BANK" as const, luhnChecked: true };
const card = `621700123456789${luhnCheckDigit("621700123456789")}`;

describe("a receiving account as typed into a stop", () => {
  it("accepts a UnionPay card with its check digit, with spaces", () => {
    expect(checkReceivingAccount(card.replace(/(\d{4})/g, "$1 "), bank)).toBeNull();
  });
  it("catches a typo in a card's check digit", () => {
    const wrong = card.slice(0, -1) + String((Number(card.slice(-1)) + 1) % 10);
    expect(checkReceivingAccount(wrong, bank)).toBe("accountCheckDigit");
  });
  it("accepts a corporate account without a check digit, and a bank that does not use Luhn", () => {
    expect(checkReceivingAccount("3100 0201 0904 0012 345", bank)).toBeNull();
    expect(checkReceivingAccount(card.slice(0, -1) + "0", { kind: "BANK", luhnChecked: false })).toBeNull();
  });
  it("refuses letters at a bank and accepts a phone or e-mail at a payment institution", () => {
    expect(checkReceivingAccount("62170abc", bank)).toBe("accountMalformed");
    expect(checkReceivingAccount("13800138000", { kind: "PAYMENT_INSTITUTION", luhnChecked: false })).toBeNull();
    expect(checkReceivingAccount("a b", { kind: "PAYMENT_INSTITUTION", luhnChecked: false })).toBe("accountMalformed");
  });
});
