import { z } from 'zod';
import { PLEDGE_EVENT_STATUSES, PLEDGE_KINDS, PLEDGE_STATUSES } from './enums.js';
import { IsoDate, MemberCode } from './members.js';
import { LineOfEffortKey, MemberRef } from './progress.js';
import { AnswerId, Text } from './text.js';

// The contract of pledges (issue 10): what members promise to a line of effort, followed from
// promise to payment, and totals in US dollars at the rate of each pledge's value date.

export const PledgeKind = z.enum(PLEDGE_KINDS);
export type PledgeKind = z.infer<typeof PledgeKind>;
export const PledgeStatus = z.enum(PLEDGE_STATUSES);
export type PledgeStatus = z.infer<typeof PledgeStatus>;
export const PledgeEventStatus = z.enum(PLEDGE_EVENT_STATUSES);
export type PledgeEventStatus = z.infer<typeof PledgeEventStatus>;

/** ISO 4217, three capital letters; whether the code exists is the service's check (`unknown_currency`). */
export const CurrencyCode = Text.trim().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as EUR');

/** An amount in the currency's minor units (cents; yen have none): a whole number. */
export const AmountMinor = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const CreatePledgeBody = z.strictObject({
  memberCode: MemberCode,
  lineOfEffort: LineOfEffortKey,
  kind: PledgeKind,
  amountMinor: AmountMinor.optional(),
  currency: CurrencyCode.optional(),
  valueDate: IsoDate.optional(),
  description: Text.trim().min(1, 'is required').max(2000).optional(),
  quantity: z.number().finite().positive().max(1e15).optional(),
  unit: Text.trim().min(1, 'is required').max(100).optional(),
  /** Where the figure comes from (a source, a conference). */
  note: Text.trim().max(2000).nullable().optional(),
});
export type CreatePledgeBody = z.infer<typeof CreatePledgeBody>;

/** Moves a pledge on (If-Match: the pledge's version). `amountMinor` for a commitment (default: the pledge's) or a disbursement (required). */
export const PledgeEventBody = z.strictObject({
  status: PledgeEventStatus,
  on: IsoDate,
  amountMinor: AmountMinor.optional(),
  note: Text.trim().max(2000).nullable().optional(),
});
export type PledgeEventBody = z.infer<typeof PledgeEventBody>;

export const PledgeIdParams = z.object({ id: z.uuid({ message: 'must be a pledge id' }) });

export const ListPledgesQuery = z.object({
  member: MemberCode.optional(),
  lineOfEffort: LineOfEffortKey.optional(),
  status: PledgeStatus.optional(),
  kind: PledgeKind.optional(),
});
export type ListPledgesQuery = z.infer<typeof ListPledgesQuery>;

/** An amount converted to US dollars at the rate of its value date, or why it could not be. */
export const UsdAmount = z.object({
  /** Null when no rate is known for the currency on that day: said, never guessed. */
  usd: z.number().nullable(),
  rate: z.number().nullable(),
  rateDate: z.string().nullable(),
});
export type UsdAmount = z.infer<typeof UsdAmount>;

export const PledgeEvent = z.object({
  id: AnswerId,
  status: PledgeEventStatus,
  on: z.string(),
  amountMinor: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type PledgeEvent = z.infer<typeof PledgeEvent>;

export const Pledge = z.object({
  id: AnswerId,
  member: MemberRef,
  lineOfEffort: z.string(),
  kind: PledgeKind,
  status: PledgeStatus,
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  /** The currency's minor digits (2 for EUR, 0 for JPY, 3 for KWD). */
  minorDigits: z.number().int().nullable(),
  valueDate: z.string().nullable(),
  description: z.string().nullable(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  note: z.string().nullable(),
  /** Financial pledges: the amount committed and the sum of the disbursements, in minor units. */
  committedMinor: z.number().int().nullable(),
  disbursedMinor: z.number().int().nullable(),
  /** The pledge's amount in USD at its value date's rate (null for in kind). */
  usd: UsdAmount.nullable(),
  events: z.array(PledgeEvent),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Pledge = z.infer<typeof Pledge>;
export const PledgeList = z.object({ items: z.array(Pledge) });
export type PledgeList = z.infer<typeof PledgeList>;

export const TotalsQuery = z.object({ by: z.enum(['member', 'lineOfEffort']) });
export type TotalsQuery = z.infer<typeof TotalsQuery>;

/** A rate a total used, or one it needed and did not find. */
export const RateUsed = z.object({ currency: z.string(), date: z.string(), usdPerUnit: z.number().nullable() });

export const PledgeTotals = z.object({
  by: z.enum(['member', 'lineOfEffort']),
  items: z.array(
    z.object({
      member: MemberRef.nullable(),
      lineOfEffort: z.string().nullable(),
      /** Every pledge not withdrawn. */
      pledgedUsd: z.number(),
      /** Committed pledges only: a pledge counts as funding once committed. */
      committedUsd: z.number(),
      disbursedUsd: z.number(),
      /** Financial pledges left out of the sums because their rate is missing. */
      unconverted: z.number().int(),
      /** In-kind pledges not withdrawn: counted apart, never in US dollars. */
      inKind: z.number().int(),
    }),
  ),
  rates: z.array(RateUsed),
  /** Rates that were needed and are not in the FX table: the amounts they convert are left out, not guessed. */
  missingRates: z.array(z.object({ currency: z.string(), date: z.string() })),
});
export type PledgeTotals = z.infer<typeof PledgeTotals>;

/** `POST /fx-rates/import` answers what it stored. */
export const FxImportResult = z.object({ imported: z.number().int(), replaced: z.number().int() });
export type FxImportResult = z.infer<typeof FxImportResult>;
export const FxRate = z.object({ date: z.string(), currency: z.string(), usdPerUnit: z.number() });
export const FxRateList = z.object({ items: z.array(FxRate) });
export type FxRateList = z.infer<typeof FxRateList>;

export const FxRatesQuery = z.object({
  currency: CurrencyCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type FxRatesQuery = z.infer<typeof FxRatesQuery>;

/** The header an FX file starts with; each line after it gives one day's rate of one currency. */
export const FX_COLUMNS = ['date', 'currency', 'usd_per_unit'] as const;

/** Corrects a pledge while it is only pledged (If-Match); its member and kind stay. */
export const UpdatePledgeBody = z.strictObject({
  lineOfEffort: LineOfEffortKey.optional(),
  amountMinor: AmountMinor.optional(),
  currency: CurrencyCode.optional(),
  valueDate: IsoDate.optional(),
  description: Text.trim().min(1, 'is required').max(2000).optional(),
  quantity: z.number().finite().positive().max(1e15).optional(),
  unit: Text.trim().min(1, 'is required').max(100).optional(),
  note: Text.trim().max(2000).nullable().optional(),
});
export type UpdatePledgeBody = z.infer<typeof UpdatePledgeBody>;
