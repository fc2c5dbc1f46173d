// Resident ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
// (odd for men, even for women) and a check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error("ID number body must be 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idNumberCheckChar(id.slice(0, 17)) === id[17];
}

/** birth as yyyymmdd; sequence 0–999 whose last digit must already match the gender. */
export function makeIdNumber(regionCode: string, birthYmd: string, sequence: number): string {
  const body = regionCode + birthYmd + String(sequence).padStart(3, "0");
  return body + idNumberCheckChar(body);
}
