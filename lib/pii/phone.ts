/**
 * Phone numbers. Two different rules apply (see DOMAIN.md "Personal data"):
 * - the person at risk has a mainland mobile number, stored normalised (no +86/0086/86 prefix) so
 *   the same person is recognised when an alert comes back days later from another source;
 * - fraud-side numbers may be anything (international, VoIP, short codes) and are evidence, so they
 *   are kept as given and never re-prefixed.
 */

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Whitespace (incl. full-width space), ASCII/full-width dashes and parentheses. */
const MOBILE_SEPARATORS = /[\s\-\u2010-\u2015\uFF0D()\uFF08\uFF09]/g;

/** Longest first, so "0086" is not read as "00" + "86". */
const MAINLAND_PREFIXES = ["+86", "0086", "86"] as const;

/** Normalises a mainland mobile number to its 11 digits, or returns null when it is not one. */
export function normalizeMobile(input: string): string | null {
  let digits = input.replace(MOBILE_SEPARATORS, "");
  for (const prefix of MAINLAND_PREFIXES) {
    // Only strip a prefix when exactly a mobile-length number remains.
    if (digits.startsWith(prefix) && digits.length - prefix.length === 11) {
      digits = digits.slice(prefix.length);
      break;
    }
  }
  return MOBILE_PATTERN.test(digits) ? digits : null;
}

/** Fraud-side numbers: trimmed and inner whitespace removed, otherwise exactly as reported. */
export function normalizeFraudNumber(input: string): string {
  return input.replace(/\s/g, "");
}

/**
 * True for numbers dialled with an international prefix ("00" or "+") that are not mainland
 * China (+86 / 0086). Country codes are prefix-free, so "+86…" is always mainland.
 */
export function isInternationalNumber(s: string): boolean {
  const compact = s.replace(MOBILE_SEPARATORS, "");
  if (compact.startsWith("+86") || compact.startsWith("0086")) return false;
  return compact.startsWith("+") || compact.startsWith("00");
}
