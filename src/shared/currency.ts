// ISO 4217 currencies as the runtime's Intl knows them (zod-free, for the server and the web):
// whether a code exists, and how many minor digits its amounts have (2 for EUR, 0 for JPY, 3 for KWD).

let known: Set<string> | undefined;

/** Whether `code` is an ISO 4217 currency the runtime knows (`Intl.supportedValuesOf('currency')`). */
export function isKnownCurrency(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known.has(code);
}

/** The currency's minor digits, from Intl's currency formatting; null for a code that is not a known currency. */
export function minorDigits(code: string): number | null {
  if (!isKnownCurrency(code)) return null;
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** An amount in minor units as the decimal string of major units: 123456 EUR → "1234.56", 5 JPY → "5". */
export function minorToDecimal(amountMinor: number, digits: number): string {
  const negative = amountMinor < 0;
  const s = Math.abs(amountMinor)
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits === 0 ? s : s.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${s.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * An amount written in major units ("1234.5", "1,234.50") in minor units, exactly (no float):
 * null when it is not a number or has more decimals than the currency's minor digits.
 */
export function decimalToMinor(text: string, digits: number): number | null {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text.trim().replace(/[,\s\u00a0\u202f]/g, ''));
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(BigInt(match[1] + fraction.padEnd(digits, '0')));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Formats an amount in minor units in its currency, in the reader's language (`Intl`, exact: the decimal string is formatted). */
export function formatMinor(amountMinor: number, currency: string, language: string): string {
  const digits = minorDigits(currency) ?? 2;
  const decimal = minorToDecimal(amountMinor, digits);
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(
    decimal as unknown as number, // Intl takes a decimal string exactly (Intl.NumberFormat v3)
  );
}
