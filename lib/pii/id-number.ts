/**
 * Resident identity card numbers (居民身份证号码), GB 11643-1999.
 *
 * Only the 18-character form is accepted: 15-digit numbers were retired in 2013 and
 * the upstream alert feeds send the 18-character form with its check character.
 *
 * Layout: 6-digit address code, 8-digit birth date YYYYMMDD, 3-digit sequence (odd = male),
 * 1 check character computed with ISO 7064 MOD 11-2.
 */

/** Weight of position i is 2^(17 - i) mod 11, as defined by ISO 7064 MOD 11-2. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Weighted sum mod 11 → check character (10 is written as the Roman numeral X). */
const CHECK_CHARS = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"] as const;

const FIRST_17_PATTERN = /^\d{17}$/;
const ID_PATTERN = /^\d{17}[\dX]$/;

/** Earliest birth date accepted; older numbers in alert feeds are data-entry errors. */
const MIN_BIRTH_DATE = "19000101";

/** China Standard Time is UTC+8 all year (no DST), so "today" is fixed to Beijing time. */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Computes the GB 11643 check character for the first 17 digits of an ID number.
 * @throws RangeError when `first17` is not exactly 17 ASCII digits.
 */
export function idNumberCheckChar(first17: string): string {
  if (!FIRST_17_PATTERN.test(first17)) {
    throw new RangeError("idNumberCheckChar expects exactly 17 digits");
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    // Indexes are in range: the pattern above guarantees 17 digits.
    sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS[sum % 11] ?? "";
}

/**
 * Trims and upper-cases (people often type a lowercase x), then validates format, check character
 * and birth date. Returns the canonical 18-character form, or null when invalid.
 *
 * `now` exists so tests can pin "today"; the birth date must not be after today in Beijing time,
 * independent of the server's time zone.
 */
export function normalizeIdNumber(s: string, now: Date = new Date()): string | null {
  const id = s.trim().toUpperCase();
  if (!ID_PATTERN.test(id)) return null;
  if (idNumberCheckChar(id.slice(0, 17)) !== id.slice(17)) return null;
  if (!isPlausibleBirthDate(id.slice(6, 14), now)) return null;
  return id;
}

/** True when `s` is a valid 18-character ID number (lowercase x accepted). */
export function isValidIdNumber(s: string, now: Date = new Date()): boolean {
  return normalizeIdNumber(s, now) !== null;
}

/** `yyyymmdd` is a real calendar date between 1900-01-01 and today (Beijing time). */
function isPlausibleBirthDate(yyyymmdd: string, now: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this month; handles leap years.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  return yyyymmdd >= MIN_BIRTH_DATE && yyyymmdd <= chinaDateString(now);
}

function chinaDateString(now: Date): string {
  const d = new Date(now.getTime() + CHINA_UTC_OFFSET_MS);
  const yyyy = String(d.getUTCFullYear()).padStart(4, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(d.getUTCDate()).padStart(2, "0");
  return `${yyyy}${mm}${dd}`;
}
