import { decimalToMinor, minorDigits } from '../../../shared/currency.js';
import type { CreatePledgeBody, PledgeEventBody, PledgeEventStatus, PledgeKind } from '../../../shared/pledges.js';
import type { FieldError } from '../../../shared/problem.js';

// The pledge forms' values and their conversion to request bodies: amounts are typed in major
// units ("1,250,000.50") and sent in the currency's minor units, exactly.

export interface PledgeValues {
  memberCode: string;
  lineOfEffort: string;
  kind: PledgeKind;
  amount: string;
  currency: string;
  valueDate: string;
  description: string;
  quantity: string;
  unit: string;
  note: string;
}

export const emptyPledge = (memberCode = ''): PledgeValues => ({
  memberCode,
  lineOfEffort: '',
  kind: 'financial',
  amount: '',
  currency: 'USD',
  valueDate: '',
  description: '',
  quantity: '',
  unit: '',
  note: '',
});

const local = (path: string, code: FieldError['code'], message: string, params?: FieldError['params']): FieldError => ({
  in: 'body',
  path,
  code,
  message,
  ...(params ? { params } : {}),
});

/** An amount typed in major units, in minor units; or the field's error. */
export function amountToMinor(amount: string, currency: string): number | FieldError {
  if (amount.trim() === '') return local('amount', 'required', 'is required');
  const digits = minorDigits(currency.trim().toUpperCase());
  if (digits === null) return local('currency', 'unknown_currency', 'is not a currency', { currency });
  const minor = decimalToMinor(amount, digits);
  if (minor === null) return local('amount', 'amount_precision', 'is not an amount', { digits });
  if (minor < 1) return local('amount', 'too_small', 'must be more than 0', { minimum: 0 });
  return minor;
}

/** The body of `POST /pledges`, or the fields to correct first. */
export function toCreateBody(values: PledgeValues): { body: CreatePledgeBody } | { errors: FieldError[] } {
  const base = {
    memberCode: values.memberCode.trim(),
    lineOfEffort: values.lineOfEffort.trim(),
    kind: values.kind,
    note: values.note.trim() || null,
  };
  if (values.kind === 'financial') {
    const currency = values.currency.trim().toUpperCase();
    const amount = amountToMinor(values.amount, currency);
    if (typeof amount !== 'number') return { errors: [amount] };
    return { body: { ...base, amountMinor: amount, currency, valueDate: values.valueDate } };
  }
  const quantity = Number(values.quantity.replace(/[,\s]/g, ''));
  if (values.quantity.trim() === '' || !Number.isFinite(quantity)) {
    return { errors: [local('quantity', 'not_a_number', 'must be a number')] };
  }
  return { body: { ...base, description: values.description.trim(), quantity, unit: values.unit.trim() } };
}

/** The server names amounts `amountMinor`; the forms name the field they are typed in `amount`. */
export const pledgeFieldOf = (path: string) => (path === 'amountMinor' ? 'amount' : path);

export interface EventValues {
  status: PledgeEventStatus;
  on: string;
  amount: string;
  note: string;
}

/** The body of `POST /pledges/{id}/events`: a commitment's amount may be left empty (the pledge's), a withdrawal has none. */
export function toEventBody(
  values: EventValues,
  pledge: { kind: PledgeKind; currency: string | null },
): { body: PledgeEventBody } | { errors: FieldError[] } {
  const base = { status: values.status, on: values.on, note: values.note.trim() || null };
  const takesAmount =
    pledge.kind === 'financial' &&
    pledge.currency !== null &&
    (values.status === 'disbursed' || (values.status === 'committed' && values.amount.trim() !== ''));
  if (!takesAmount) return { body: base };
  const amount = amountToMinor(values.amount, pledge.currency as string);
  if (typeof amount !== 'number') return { errors: [amount] };
  return { body: { ...base, amountMinor: amount } };
}

/** A bad line of an FX file, from its field error's path (`line.3.currency`). */
export function badLine(error: FieldError): { line: number; column: string | null } | null {
  const match = /^line\.(\d+)(?:\.(.+))?$/.exec(error.path);
  return match ? { line: Number(match[1]), column: match[2] ?? null } : null;
}
