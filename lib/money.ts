/**
 * Money is exact: amounts are integer fen (分), as `bigint` or a safe-integer `number`
 * (DOMAIN.md "Money"). Nothing here goes through floating point, so a stop-payment of
 * ¥1,674,000.01 is never shown or stored as ¥1,674,000.
 */

export type Fen = bigint | number;
export type MoneyLocale = "zh-CN" | "en";

/**
 * Users are all in mainland China, so "¥" is used in English too (Intl would print "CN¥").
 * Both locales group by thousands, as Chinese financial documents do.
 */
const CURRENCY_SYMBOL: Record<MoneyLocale, string> = { "zh-CN": "¥", en: "¥" };

interface CompactUnit {
  /** Size of the unit in fen. */
  fen: bigint;
  suffix: string;
}

/** Largest first. Chinese counts in 万 (10^4) and 亿 (10^8), not thousands and millions. */
const COMPACT_UNITS: Record<MoneyLocale, readonly CompactUnit[]> = {
  "zh-CN": [
    { fen: 10_000_000_000n, suffix: "亿" },
    { fen: 1_000_000n, suffix: "万" },
    { fen: 100n, suffix: "元" },
  ],
  en: [
    { fen: 100_000_000_000n, suffix: "B" },
    { fen: 100_000_000n, suffix: "M" },
    { fen: 100_000n, suffix: "K" },
    { fen: 100n, suffix: "" },
  ],
};

/**
 * Converts either representation to bigint fen.
 * @throws RangeError for a number that is not a safe integer (fractions of a fen, NaN, ±Infinity,
 *   or beyond 2^53 where integers are no longer exact).
 */
export function toFenBigInt(fen: Fen): bigint {
  if (typeof fen === "bigint") return fen;
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`Amount in fen must be a safe integer, got ${fen}`);
  }
  return BigInt(fen);
}

/** "¥1,234.56", always two decimals; negatives as "-¥12.30". */
export function formatFen(fen: Fen, locale: MoneyLocale = "zh-CN"): string {
  const value = toFenBigInt(fen);
  const abs = value < 0n ? -value : value;
  const yuan = groupThousands((abs / 100n).toString());
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${value < 0n ? "-" : ""}${CURRENCY_SYMBOL[locale]}${yuan}.${cents}`;
}

/** "1234.56": an amount as a user types it into a form (no symbol, no grouping), which parseYuanToFen reads back. */
export function fenToYuanText(fen: Fen): string {
  const value = toFenBigInt(fen);
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/**
 * Short form for dashboards and rankings, rounded half away from zero (四舍五入) to at most two
 * decimals, trailing zeros dropped.
 * - zh-CN: "1,234.5元" under 1万, then "198万", "167.4万", then "1.2亿", "2.25亿".
 * - en: "¥999.5", "¥12.3K", "¥1.98M", "¥120M", "¥2.25B".
 * A value that rounds up to the next unit switches to it ("1亿", not "10,000万").
 */
export function formatFenCompact(fen: Fen, locale: MoneyLocale = "zh-CN"): string {
  const value = toFenBigInt(fen);
  const abs = value < 0n ? -value : value;
  const units = COMPACT_UNITS[locale];

  let index = units.findIndex((u) => abs >= u.fen);
  if (index === -1) index = units.length - 1;
  let unit = units[index] as CompactUnit;
  // `scaled` is the amount in hundredths of the unit.
  let scaled = divRoundHalfUp(abs * 100n, unit.fen);
  const bigger = units[index - 1];
  if (bigger !== undefined && scaled * unit.fen >= bigger.fen * 100n) {
    unit = bigger;
    scaled = divRoundHalfUp(abs * 100n, unit.fen);
  }

  const fraction = (scaled % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  const number = groupThousands((scaled / 100n).toString()) + (fraction ? `.${fraction}` : "");
  const sign = value < 0n ? "-" : "";
  return locale === "zh-CN"
    ? `${sign}${number}${unit.suffix}`
    : `${sign}${CURRENCY_SYMBOL[locale]}${number}${unit.suffix}`;
}

/**
 * Optional "¥"/"￥" prefix and "元" suffix (so formatFen output parses back), digits either plain
 * or correctly grouped by thousands, at most two decimals.
 */
const YUAN_PATTERN = /^[¥￥]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?元?$/;

/**
 * Parses a yuan amount typed by a user into exact bigint fen: "1234", "1,234.5", "1234.56".
 * Returns null for negatives, more than two decimals (a fraction of a fen cannot be stopped or
 * returned, so silently rounding would misstate the amount), and anything that is not a number.
 * Works on the digit strings only — never through floating point.
 */
export function parseYuanToFen(input: string): bigint | null {
  const match = YUAN_PATTERN.exec(input.trim());
  if (match === null) return null;
  const whole = (match[1] ?? "").replace(/,/g, "");
  const fraction = (match[2] ?? "").padEnd(2, "0");
  return BigInt(whole) * 100n + BigInt(fraction);
}

/**
 * For APIs and charts that need a number.
 * @throws RangeError when the amount is outside ±Number.MAX_SAFE_INTEGER and would lose precision.
 */
export function fenToNumber(fen: bigint): number {
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Amount ${fen} fen is beyond Number.MAX_SAFE_INTEGER`);
  }
  return Number(fen);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Non-negative `n / d` rounded half up; callers pass absolute values so this is half away from zero. */
function divRoundHalfUp(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (2n * d);
}
