// Luhn-valid bank card numbers for suspect (mule) accounts.

export function luhnCheckDigit(body: string): number {
  let sum = 0;
  // Double every second digit from the right of the final number, i.e. starting with the
  // right-most digit of the body.
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(number: string): boolean {
  return /^\d{2,}$/.test(number) && luhnCheckDigit(number.slice(0, -1)) === number.charCodeAt(number.length - 1) - 48;
}

/** A card number of `length` digits (16–19) beginning with `bin`. */
export function makeCardNumber(bin: string, length: number, randomDigits: (n: number) => string): string {
  const body = bin + randomDigits(length - 1 - bin.length);
  return body + luhnCheckDigit(body);
}
