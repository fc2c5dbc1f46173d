// Checking a receiving account as typed into a stop request, by the kind of institution. A bank
// card (UnionPay 62…, Visa 4…, Mastercard 5…, 16–19 digits) carries a Luhn check digit, so a typo
// is caught before the bank refuses the stop for "details do not match" — minutes lost. Corporate
// and passbook accounts (8–30 digits) have no check digit (lib/pii/bank-card.ts explains why they
// must not be refused). A payment institution's account is a phone number, e-mail or merchant id.
import { isPlausibleBankAccount, isValidBankCard, normalizeBankAccount } from "@/lib/pii/bank-card";

export type AccountRefusal = "accountMalformed" | "accountCheckDigit";

const CARD_LIKE = /^[456]\d{15,18}$/;
const PAYMENT_ACCOUNT = /^[A-Za-z0-9@._+-]{4,64}$/;

export function normalizeReceivingAccount(input: string, institution: { kind: "BANK" | "PAYMENT_INSTITUTION" }): string {
  return institution.kind === "BANK" ? normalizeBankAccount(input) : input.trim();
}

export function checkReceivingAccount(input: string, institution: { kind: "BANK" | "PAYMENT_INSTITUTION"; luhnChecked: boolean }): AccountRefusal | null {
  const account = normalizeReceivingAccount(input, institution);
  if (institution.kind === "PAYMENT_INSTITUTION") return PAYMENT_ACCOUNT.test(account) ? null : "accountMalformed";
  if (!isPlausibleBankAccount(account)) return "accountMalformed";
  if (institution.luhnChecked && CARD_LIKE.test(account) && !isValidBankCard(account)) return "accountCheckDigit";
  return null;
}

/** The last four characters, shown beside the masked account (and kept in clear for lists). */
export function accountLast4(account: string): string {
  return account.slice(-4);
}
