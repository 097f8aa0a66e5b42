import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minorDigits } from '../../../shared/currency.js';
import { fixedClock } from '../../lib/clock.js';
import { buildMember } from '../../test/factories.js';
import { createTestApp, engines, type TestContext } from '../../test/harness.js';
import { buildFxRates, buildPledge, buildPledgeEvent } from '../../test/pledge-factories.js';
import { buildLineOfEffort } from '../../test/progress-factories.js';

/**
 * The totals equal a naive recomputation: PostgreSQL's own numeric arithmetic over the same
 * pledges and rates (amount ÷ 10^digits × rate, summed, rounded to cents once), for random
 * pledges in currencies of 0, 2 and 3 minor digits, random commitments, disbursements and
 * withdrawals, and rates that are sometimes missing.
 */

const CURRENCIES = ['EUR', 'JPY', 'KWD', 'USD'] as const;
const DAYS = ['2019-01-01', '2019-01-02', '2019-01-03'];

const pledgeArb = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  day: fc.constantFrom(...DAYS),
  amountMinor: fc.integer({ min: 1, max: 5_000_000_000 }),
  // What happens to it: nothing, committed (a share of it), then disbursements, then maybe withdrawn.
  commitShare: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  disbursedShares: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }),
  withdrawn: fc.boolean(),
});
const rateArb = fc.record({
  currency: fc.constantFrom('EUR', 'JPY', 'KWD'),
  day: fc.constantFrom(...DAYS),
  rate: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 999_999_999 })).map(([w, f]) => `${w}.${f}`),
});

describe.each(engines)('pledge totals on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false, clock: fixedClock('2027-03-01T09:00:00Z') });
  });
  afterAll(() => ctx?.close());

  it('equal PostgreSQL’s numeric recomputation, by line of effort', async () => {
    let year = 2040;
    await fc.assert(
      fc.asyncProperty(
        fc.array(pledgeArb, { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(rateArb, { maxLength: 6, selector: (r) => `${r.currency}|${r.day}` }),
        async (pledges, rates) => {
          // Each run its own line and its own days (rates are global): nothing of another run counts.
          year += 1;
          const day = (d: string) => `${year}${d.slice(4)}`;
          const line = (await buildLineOfEffort(ctx)).key;
          const member = (await buildMember(ctx)).code;
          if (rates.length > 0)
            await buildFxRates(
              ctx,
              rates.map((r) => [day(r.day), r.currency, r.rate]),
            );
          for (const p of pledges) {
            let pledge = await buildPledge(ctx, {
              memberCode: member,
              lineOfEffort: line,
              amountMinor: p.amountMinor,
              currency: p.currency,
              valueDate: day(p.day),
            });
            if (p.commitShare !== undefined) {
              const committed = Math.max(1, Math.floor((p.amountMinor * p.commitShare) / 100));
              pledge = await buildPledgeEvent(ctx, pledge, {
                status: 'committed',
                on: day(p.day),
                amountMinor: committed,
              });
              for (const share of p.disbursedShares) {
                const amount = Math.floor((committed * share) / 100);
                if (amount < 1 || (pledge.disbursedMinor ?? 0) + amount > committed) continue;
                pledge = await buildPledgeEvent(ctx, pledge, {
                  status: 'disbursed',
                  on: day(p.day),
                  amountMinor: amount,
                });
              }
            }
            const fullyPaid = pledge.status === 'disbursed' && pledge.disbursedMinor === pledge.committedMinor;
            if (p.withdrawn && !fullyPaid) await buildPledgeEvent(ctx, pledge, { status: 'withdrawn', on: day(p.day) });
          }
          const digits = sql.raw(CURRENCIES.map((c) => `('${c}', ${minorDigits(c)})`).join(', '));
          const naive = await ctx.database.db.execute(sql`
            with counted as (
              select p.currency, p.value_date,
                case when p.status = 'withdrawn' then p.disbursed_minor else p.amount_minor end as pledged,
                case when p.status = 'withdrawn' then p.disbursed_minor else coalesce(p.committed_minor, 0) end as committed,
                p.disbursed_minor as disbursed
              from pledges p join lines_of_effort l on l.id = p.line_of_effort_id
              where l.key = ${line} and p.kind = 'financial'
            ), priced as (
              select c.*, case when c.currency = 'USD' then 1::numeric else r.usd_per_unit end as rate, d.digits
              from counted c
              join (values ${digits}) as d(currency, digits) on d.currency = c.currency
              left join fx_rates r on r.currency = c.currency and r.date = c.value_date
            )
            select
              coalesce(round(sum(pledged::numeric / power(10::numeric, digits) * rate), 2), 0)::text as pledged,
              coalesce(round(sum(committed::numeric / power(10::numeric, digits) * rate), 2), 0)::text as committed,
              coalesce(round(sum(disbursed::numeric / power(10::numeric, digits) * rate), 2), 0)::text as disbursed,
              count(*) filter (where rate is null and pledged > 0)::int as unconverted
            from priced`);
          const [expected] = (naive as unknown as { rows: Record<string, string | number>[] }).rows;
          const totals = (await ctx.app.inject({ url: '/api/v1/pledges/totals?by=lineOfEffort' })).json();
          const item = totals.items.find((i: { lineOfEffort: string }) => i.lineOfEffort === line);
          expect({
            pledged: item.pledgedUsd,
            committed: item.committedUsd,
            disbursed: item.disbursedUsd,
            unconverted: item.unconverted,
          }).toEqual({
            pledged: Number(expected?.pledged),
            committed: Number(expected?.committed),
            disbursed: Number(expected?.disbursed),
            unconverted: Number(expected?.unconverted),
          });
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 15) },
    );
  }, 300_000);
});
