import type { CreatePledgeBody, Pledge, PledgeEventBody } from '../../shared/pledges.js';
import { asAdmin, buildMember, type Ctx, expectStatus } from './factories.js';
import { buildLineOfEffort } from './progress-factories.js';

/**
 * Factories for pledges and FX rates (issue 10), written as factories.ts: one valid record per
 * call, through the API as the factories' administrator (so that the read cache stays true).
 */

/**
 * A financial pledge of 1,000,000.00 EUR valued on 2015-03-31 by a new member to a new line of
 * effort, unless the overrides say otherwise (`kind: 'in_kind'` gives one of 10 trucks).
 */
export async function buildPledge(ctx: Ctx, overrides: Partial<CreatePledgeBody> = {}): Promise<Pledge> {
  const memberCode = overrides.memberCode ?? (await buildMember(ctx)).code;
  const lineOfEffort = overrides.lineOfEffort ?? (await buildLineOfEffort(ctx)).key;
  const kind = overrides.kind ?? 'financial';
  const fields =
    kind === 'financial'
      ? { amountMinor: 100_000_000, currency: 'EUR', valueDate: '2015-03-31' }
      : { description: 'Armoured trucks', quantity: 10, unit: 'trucks' };
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: '/api/v1/pledges',
    payload: { memberCode, lineOfEffort, kind, ...fields, ...overrides },
  });
  expectStatus(res, 201, 'POST /pledges');
  return res.json();
}

/** Moves a pledge on by one event (as the administrator, at its current version). */
export async function buildPledgeEvent(ctx: Ctx, pledge: Pick<Pledge, 'id'>, body: PledgeEventBody): Promise<Pledge> {
  const current = await ctx.app.inject({ url: `/api/v1/pledges/${pledge.id}` });
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: `/api/v1/pledges/${pledge.id}/events`,
    headers: { 'if-match': `"${current.json().version}"` },
    payload: body,
  });
  expectStatus(res, 200, `POST /pledges/${pledge.id}/events`);
  return res.json();
}

/** Imports FX rates (`[date, currency, usdPerUnit]`, the rate as decimal text) through the API. */
export async function buildFxRates(ctx: Ctx, rates: [string, string, string][]): Promise<void> {
  const csv = ['date,currency,usd_per_unit', ...rates.map((r) => r.join(','))].join('\n');
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: '/api/v1/fx-rates/import',
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
  expectStatus(res, 200, 'POST /fx-rates/import');
}
