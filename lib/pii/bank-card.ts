/**
 * Bank card and account numbers.
 *
 * Two checks exist on purpose:
 * - `isValidBankCard`: personal debit/credit cards (UnionPay 62…, Visa, Mastercard) are 12–19
 *   digits and carry a Luhn check digit, so typos in a victim's card can be caught at input.
 * - `isPlausibleBankAccount`: many Chinese corporate (对公) and legacy passbook accounts, which
 *   fraud rings routinely use as receiving accounts, do not follow Luhn and may be up to ~30
 *   digits. Rejecting them would block a stop-payment (紧急止付) request, so receiving accounts
 *   are only checked for length and digits.
 */

/** Removes whitespace (incl. full-width) and dashes people type when copying account numbers. */
export function normalizeBankAccount(s: string): string {
  return s.replace(/[\s\-\u2010-\u2015\uFF0D]/g, "");
}

/** 12–19 digits passing the Luhn check (separators ignored). */
export function isValidBankCard(s: string): boolean {
  const digits = normalizeBankAccount(s);
  return /^\d{12,19}$/.test(digits) && luhnSum(digits) % 10 === 0;
}

/** 8–30 digits, no Luhn check: see the module comment for why. */
export function isPlausibleBankAccount(s: string): boolean {
  return /^\d{8,30}$/.test(normalizeBankAccount(s));
}

/**
 * Luhn check digit to append to `payload` (digits only). Used to build demo data.
 * @throws RangeError when `payload` is not a non-empty digit string.
 */
export function luhnCheckDigit(payload: string): string {
  if (!/^\d+$/.test(payload)) throw new RangeError("luhnCheckDigit expects digits");
  // Appending "0" puts the payload digits at their final positions; then fix up the remainder.
  return String((10 - (luhnSum(`${payload}0`) % 10)) % 10);
}

/** Luhn sum: from the right, every second digit is doubled (minus 9 when above 9). */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}
