// An amount in Chinese capitals (大写金额) as written on a bank notice, so that a figure cannot be
// altered: 316,819.27 → 叁拾壹万陆仟捌佰壹拾玖元贰角柒分. Bank practice: 壹拾 is written in full, a
// run of zeros inside the number is one 零, an amount with no 角 or 分 ends in 整, a missing 角
// before 分 is 零. Pure; fen in, text out.

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const PLACES = ["", "拾", "佰", "仟"];
/** The unit of each group of four digits, from the lowest: 元, 万, 亿 (a trillion yuan and above is refused). */
const GROUPS = ["", "万", "亿"];

/** One group of four digits (1–9999), zeros inside collapsed to one 零, trailing zeros dropped. */
function groupInCapitals(n: number): string {
  let out = "";
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      zero = out !== "";
      continue;
    }
    out += (zero ? "零" : "") + DIGITS[digit] + PLACES[place];
    zero = false;
  }
  return out;
}

/** Whole yuan (> 0) in capitals. */
function yuanInCapitals(yuan: bigint): string {
  const groups: number[] = [];
  for (let n = yuan; n > 0n; n /= 10_000n) groups.push(Number(n % 10_000n));
  let out = "";
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      gap = out !== "";
      continue;
    }
    // A zero between this group and the one above: a whole empty group, or leading zeros in this one.
    if (out !== "" && (gap || g < 1000)) out += "零";
    out += groupInCapitals(g) + GROUPS[i];
    gap = false;
  }
  return out;
}

export function fenInCapitals(fen: bigint): string {
  if (fen < 0n) throw new RangeError("an amount in capitals cannot be negative");
  if (fen >= 100_000_000_000_000n) throw new RangeError("an amount in capitals must be below a trillion yuan");
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);
  if (fen === 0n) return "零元整";
  let out = yuan > 0n ? `${yuanInCapitals(yuan)}元` : "";
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (cents > 0 && yuan > 0n) out += "零";
  out += cents > 0 ? `${DIGITS[cents]}分` : "整";
  return out;
}
