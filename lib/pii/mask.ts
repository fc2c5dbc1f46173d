/**
 * Default masking of personal data (DOMAIN.md "Personal data"): every screen, export and log shows
 * these forms; full values are only revealed one field at a time, with a reason, and audited.
 *
 * All functions accept null/undefined (optional fields) and return "" for them. When a value is
 * too short for the normal rule to hide anything meaningful, the rule errs on hiding more.
 */

type Maybe = string | null | undefined;

const MASK = "*";

/**
 * Names keep the first and last character, one * per hidden character:
 * 张三明 → 张*明, 欧阳修远 → 欧**远, 李四 → 李*, a single character is unchanged.
 * Works on code points so rare characters outside the BMP (e.g. 𠮷) count as one.
 */
export function maskName(name: Maybe): string {
  if (name == null) return "";
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join("");
  if (chars.length === 2) return `${chars[0]}${MASK}`;
  return `${chars[0]}${MASK.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Phones keep the first 3 and last 4 characters when at least 8 long (13812341234 → 138****1234);
 * shorter numbers show only their last 2, and 1–2 character values are fully masked so the
 * "last 2" rule never reveals a whole value. Whitespace is removed first.
 */
export function maskPhone(phone: Maybe): string {
  if (phone == null) return "";
  const chars = Array.from(phone.replace(/\s/g, ""));
  const n = chars.length;
  if (n >= 8) return keepEnds(chars, 3, 4);
  if (n <= 2) return MASK.repeat(n);
  return keepEnds(chars, 0, 2);
}

/**
 * ID numbers keep the first 4 (province + city code) and last 4 characters:
 * 44010619900307123X → 4401**********123X. Values of 8 characters or fewer are fully masked.
 */
export function maskIdNumber(id: Maybe): string {
  if (id == null) return "";
  const chars = Array.from(id.trim().toUpperCase());
  if (chars.length <= 8) return MASK.repeat(chars.length);
  return keepEnds(chars, 4, 4);
}

/**
 * Bank accounts show a fixed "****" plus the last 4 digits (6222021234567891234 → ****1234); the
 * fixed prefix also hides the account length. Values shorter than 8 (no real account is) reveal
 * nothing, since their last 4 would be most of the value.
 */
export function maskBankAccount(account: Maybe): string {
  if (account == null) return "";
  const chars = Array.from(account.replace(/[\s\-\u2010-\u2015\uFF0D]/g, ""));
  if (chars.length === 0) return "";
  if (chars.length < 8) return MASK.repeat(4);
  return `${MASK.repeat(4)}${chars.slice(-4).join("")}`;
}

/** Keeps `head` leading and `tail` trailing characters, one * for each hidden character. */
function keepEnds(chars: string[], head: number, tail: number): string {
  const hidden = chars.length - head - tail;
  return chars.slice(0, head).join("") + MASK.repeat(hidden) + chars.slice(chars.length - tail).join("");
}
