import { describe, expect, it } from 'vitest';
import { amountToMinor, badLine, emptyPledge, toCreateBody, toEventBody } from './pledge-form.js';

describe('amountToMinor', () => {
  it('turns major units into minor units exactly, by the currency’s digits', () => {
    expect(amountToMinor('1,250,000.50', 'EUR')).toBe(125_000_050);
    expect(amountToMinor('0.1', 'EUR')).toBe(10);
    expect(amountToMinor('1000', 'JPY')).toBe(1000);
    expect(amountToMinor('1.234', 'KWD')).toBe(1234);
  });
  it('names what is wrong', () => {
    expect(amountToMinor('1.5', 'JPY')).toMatchObject({
      path: 'amount',
      code: 'amount_precision',
      params: { digits: 0 },
    });
    expect(amountToMinor('', 'EUR')).toMatchObject({ path: 'amount', code: 'required' });
    expect(amountToMinor('abc', 'EUR')).toMatchObject({ code: 'amount_precision' });
    expect(amountToMinor('0', 'EUR')).toMatchObject({ code: 'too_small' });
    expect(amountToMinor('1', 'XYZ')).toMatchObject({ path: 'currency', code: 'unknown_currency' });
  });
});

describe('toCreateBody', () => {
  it('makes a financial pledge', () => {
    const values = {
      ...emptyPledge('USA'),
      lineOfEffort: 'LOE1-military',
      amount: '10.5',
      currency: 'eur',
      valueDate: '2015-03-31',
    };
    expect(toCreateBody(values)).toEqual({
      body: {
        memberCode: 'USA',
        lineOfEffort: 'LOE1-military',
        kind: 'financial',
        amountMinor: 1050,
        currency: 'EUR',
        valueDate: '2015-03-31',
        note: null,
      },
    });
  });
  it('makes an in-kind pledge without an amount', () => {
    const values = {
      ...emptyPledge('USA'),
      kind: 'in_kind' as const,
      description: 'Trucks',
      quantity: '1,000',
      unit: 'trucks',
    };
    expect(toCreateBody(values)).toMatchObject({ body: { kind: 'in_kind', quantity: 1000, unit: 'trucks' } });
    expect(toCreateBody({ ...values, quantity: 'many' })).toMatchObject({ errors: [{ path: 'quantity' }] });
  });
});

describe('toEventBody', () => {
  const pledge = { kind: 'financial' as const, currency: 'EUR' };
  it('commits the pledged amount when none is given; disburses a given amount; withdraws without one', () => {
    expect(toEventBody({ status: 'committed', on: '2015-04-01', amount: '', note: '' }, pledge)).toEqual({
      body: { status: 'committed', on: '2015-04-01', note: null },
    });
    expect(toEventBody({ status: 'disbursed', on: '2015-04-01', amount: '2.5', note: 'First' }, pledge)).toEqual({
      body: { status: 'disbursed', on: '2015-04-01', note: 'First', amountMinor: 250 },
    });
    expect(toEventBody({ status: 'withdrawn', on: '2015-04-01', amount: '9', note: '' }, pledge)).toEqual({
      body: { status: 'withdrawn', on: '2015-04-01', note: null },
    });
    expect(toEventBody({ status: 'disbursed', on: '2015-04-01', amount: '', note: '' }, pledge)).toMatchObject({
      errors: [{ path: 'amount', code: 'required' }],
    });
  });
  it('sends no amount for an in-kind pledge', () => {
    expect(
      toEventBody({ status: 'disbursed', on: '2015-04-01', amount: '', note: '' }, { kind: 'in_kind', currency: null }),
    ).toEqual({
      body: { status: 'disbursed', on: '2015-04-01', note: null },
    });
  });
});

describe('badLine', () => {
  it('reads the line and column of an FX file’s error', () => {
    const error = { in: 'body' as const, path: 'line.3.currency', code: 'unknown_currency' as const, message: '' };
    expect(badLine(error)).toEqual({ line: 3, column: 'currency' });
    expect(badLine({ ...error, path: 'line.1' })).toEqual({ line: 1, column: null });
    expect(badLine({ ...error, path: 'currency' })).toBeNull();
  });
});
