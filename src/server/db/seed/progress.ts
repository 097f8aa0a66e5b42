import { parsePeriod, ReportStatus, type UnitTranslationsAnswer, ValueStatus } from '../../../shared/progress.js';
import { type AuditEntry, recordAudits } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { reportStatusOf } from '../../modules/progress/report-status.js';
import { refreshIndicators } from '../../modules/progress/rollups.js';
import type { Tx } from '../client.js';
import {
  fxRates,
  indicators,
  indicatorTargets,
  pledgeEvents,
  pledges,
  reportingPeriods,
  reports,
  reportValues,
} from '../schema/progress.js';

/**
 * The demo's progress (issue 10): indicators, reporting periods, members' reports and pledges,
 * from the `figures` of coalition-2014.json, each value and pledge with its date's period and its
 * sources in its note ("S46: title (publisher)"). Written directly in the seed's transaction,
 * each record audited, and the rollups refreshed for every indicator given approved values.
 *
 * Who reports the coalition-wide figures (the data file's figures are the coalition's, not a
 * member's own, except where said):
 * - Air strikes, strike sorties, Iraqi forces trained and targets: the **United States**, as
 *   CJTF-OIR's lead nation (it co-leads CJTF-OIR with Iraq in the data file; CENTCOM and the OIR
 *   spokesman publish these counts for the whole coalition). These indicators combine members by
 *   `max`: the coalition's count reported once, so a second report of the same total never doubles it.
 * - Cost of operations and personnel deployed in Iraq: each member its own, so the United States
 *   reports the US figures (DoD's cost, US troops) and members combine by `sum`.
 * - Foreign fighters who travelled: the **Netherlands**, as co-lead of the Coalition's Foreign
 *   Terrorist Fighters Working Group, the group that pools these estimates (combined by `max`).
 * - ISIL revenue by source: the **United States**, whose Treasury gives every estimate and which
 *   co-leads the Counter-ISIL Finance Group (combined by `max`: estimates of one total).
 * - Coalition partners: the **United States**, whose State Department keeps the partners' list
 *   the sources count. It sits under the messaging line (LOE5): the coalition's breadth is what
 *   that line puts forward, and no other line fits better.
 *
 * Values are approved (a closed period, the sourced figure as the secretariat accepted it). The
 * open periods' drafts, submitted and returned values are illustrative demo entries, marked so in
 * their notes, never sourced facts; nothing illustrative is approved.
 */

export interface SeedFigure {
  indicator: string;
  value: number | string;
  unit: string;
  asOf: string;
  scope: string;
  source: string[];
  note?: string;
}

export interface SeedSource {
  id: string;
  title: string;
  publisher?: string;
  date?: string;
}

export interface SeedProgressData {
  figures: SeedFigure[];
  sources: SeedSource[];
  revenueSources: string[];
}

/** A figure of the data file, named by its `indicator` and `asOf` exactly as the file writes them. */
export interface FigureRef {
  indicator: string;
  asOf: string;
}

// ─── Indicators ────────────────────────────────────────────────────────────────────────────

type Names = { en: string; fr: string; ar: string };

interface SeedIndicator {
  key: string;
  names: Names;
  unit: string;
  lineOfEffort: string;
  memberAggregation: 'sum' | 'max' | 'mean';
  timeAggregation: 'flow' | 'stock';
  periodType: 'month' | 'quarter' | 'year';
  visibility: 'public' | 'coalition';
  categories?: { key: string; names: Names }[];
  description: string;
  targets?: { period: string; value: number }[];
}

/** The six revenue sources of the data file (`revenueSources`), as category keys, in the three languages. */
const REVENUE_CATEGORY_NAMES: Record<string, Names> = {
  'oil sales': { en: 'Oil sales', fr: 'Ventes de pétrole', ar: 'مبيعات النفط' },
  extortion: { en: 'Extortion', fr: 'Extorsion', ar: 'الابتزاز' },
  plunder: { en: 'Plunder', fr: 'Pillage', ar: 'النهب' },
  ransom: { en: 'Ransom', fr: 'Rançons', ar: 'الفدية' },
  'human trafficking': { en: 'Human trafficking', fr: 'Traite des êtres humains', ar: 'الاتجار بالبشر' },
  'sale of antiquities': { en: 'Sale of antiquities', fr: "Vente d'antiquités", ar: 'بيع الآثار' },
};

/** `oil sales` → `oil_sales`. */
export function categoryKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The demo's units in French and Arabic, by the English unit (the data file gives them in English). */
const UNIT_TRANSLATIONS: Record<string, UnitTranslationsAnswer> = {
  strikes: { fr: 'frappes', ar: 'غارات' },
  sorties: { fr: 'sorties', ar: 'طلعات جوية' },
  targets: { fr: 'cibles', ar: 'أهداف' },
  trainees: { fr: 'stagiaires', ar: 'متدرّبون' },
  personnel: { fr: 'personnels', ar: 'أفراد' },
  'USD billion': { fr: 'milliards USD', ar: 'مليار دولار أمريكي' },
  fighters: { fr: 'combattants', ar: 'مقاتلون' },
  'USD million': { fr: 'millions USD', ar: 'مليون دولار أمريكي' },
  partners: { fr: 'partenaires', ar: 'شركاء' },
};

function indicatorsOf(data: SeedProgressData): SeedIndicator[] {
  return [
    {
      key: 'air_strikes',
      names: {
        en: 'Coalition air strikes since 8 August 2014',
        fr: 'Frappes aériennes de la coalition depuis le 8 août 2014',
        ar: 'الغارات الجوية للتحالف منذ 8 آب/أغسطس 2014',
      },
      unit: 'strikes',
      lineOfEffort: 'LOE1-military',
      memberAggregation: 'max',
      timeAggregation: 'stock',
      periodType: 'month',
      visibility: 'public',
      description: 'Cumulative strikes in Iraq and Syria, as CJTF-OIR counts them for the whole coalition.',
      // The issue's "about 1,000 air strikes by December 2014".
      targets: [{ period: '2014-12', value: 1000 }],
    },
    {
      key: 'strike_sorties',
      names: {
        en: 'Strike, escort and interdiction sorties',
        fr: "Sorties de frappe, d'escorte et d'interdiction",
        ar: 'طلعات الضرب والمرافقة والاعتراض',
      },
      unit: 'sorties',
      lineOfEffort: 'LOE1-military',
      memberAggregation: 'max',
      timeAggregation: 'flow',
      periodType: 'year',
      visibility: 'public',
      description: "Operation Inherent Resolve's sorties in the year (2014: from August).",
    },
    {
      key: 'targets_damaged',
      names: {
        en: 'Targets damaged or destroyed',
        fr: 'Cibles endommagées ou détruites',
        ar: 'الأهداف المتضررة أو المدمرة',
      },
      unit: 'targets',
      lineOfEffort: 'LOE1-military',
      memberAggregation: 'max',
      timeAggregation: 'stock',
      periodType: 'month',
      visibility: 'public',
      description: 'Cumulative, in Iraq and Syria.',
    },
    {
      key: 'iraqi_forces_trained',
      names: {
        en: 'Iraqi forces trained by the coalition',
        fr: 'Forces irakiennes formées par la coalition',
        ar: 'القوات العراقية التي دربها التحالف',
      },
      unit: 'trainees',
      lineOfEffort: 'LOE1-military',
      memberAggregation: 'max',
      timeAggregation: 'stock',
      periodType: 'month',
      visibility: 'public',
      description: 'Cumulative, at the coalition’s building partner capacity sites.',
    },
    {
      key: 'personnel_in_iraq',
      names: {
        en: 'Military personnel deployed in Iraq',
        fr: 'Personnel militaire déployé en Irak',
        ar: 'الأفراد العسكريون المنتشرون في العراق',
      },
      unit: 'personnel',
      lineOfEffort: 'LOE1-military',
      memberAggregation: 'sum',
      timeAggregation: 'stock',
      periodType: 'quarter',
      visibility: 'public',
      description: "Each member's own personnel in Iraq at the quarter's latest count.",
    },
    {
      key: 'operations_cost',
      names: {
        en: 'Cost of military operations against ISIL',
        fr: "Coût des opérations militaires contre l'EIIL",
        ar: 'تكلفة العمليات العسكرية ضد داعش',
      },
      unit: 'USD billion',
      lineOfEffort: 'LOE1-military',
      memberAggregation: 'sum',
      timeAggregation: 'stock',
      periodType: 'month',
      visibility: 'public',
      description: "Each member's own cumulative cost since the operations began.",
    },
    {
      key: 'foreign_fighters',
      names: {
        en: 'Foreign fighters who travelled to Syria and Iraq',
        fr: 'Combattants étrangers partis en Syrie et en Irak',
        ar: 'المقاتلون الأجانب الذين سافروا إلى سوريا والعراق',
      },
      unit: 'fighters',
      lineOfEffort: 'LOE2-ftf',
      memberAggregation: 'max',
      timeAggregation: 'stock',
      periodType: 'quarter',
      visibility: 'public',
      description: 'Estimates of all who had travelled to fight there, from every country.',
    },
    {
      key: 'isil_revenue',
      names: {
        en: 'ISIL revenue by source',
        fr: "Revenus de l'EIIL par source",
        ar: 'إيرادات داعش حسب المصدر',
      },
      unit: 'USD million',
      lineOfEffort: 'LOE3-finance',
      memberAggregation: 'max',
      timeAggregation: 'flow',
      periodType: 'year',
      visibility: 'coalition',
      categories: data.revenueSources.map((name) => {
        const names = REVENUE_CATEGORY_NAMES[name];
        if (!names) throw new Error(`Seed: no names for the revenue source ${name}`);
        return { key: categoryKey(name), names };
      }),
      description: 'Estimates of what ISIL earned in the year from each source.',
    },
    {
      key: 'coalition_partners',
      names: {
        en: 'Coalition partners',
        fr: 'Partenaires de la coalition',
        ar: 'شركاء التحالف',
      },
      unit: 'partners',
      lineOfEffort: 'LOE5-messaging',
      memberAggregation: 'max',
      timeAggregation: 'stock',
      periodType: 'month',
      visibility: 'public',
      description: 'States and organisations the State Department lists as partners, the EU and Arab League included.',
    },
  ];
}

// ─── Values from the figures ───────────────────────────────────────────────────────────────

interface PlacedValue {
  figure: FigureRef;
  indicator: string;
  member: string;
  period: string;
  category?: string;
  /** When the figure's own value is not the one placed (a figure in its note): the number, and `fromNote`. */
  value?: number;
  fromNote?: boolean;
}

/** Every figure placed as an approved value of a closed period. */
export const PLACED_VALUES: PlacedValue[] = [
  // Air strikes, cumulative: the month's latest count.
  {
    figure: { indicator: 'cumulative coalition air strikes', asOf: '2014-12 (mid-December; exact day uncertain)' },
    indicator: 'air_strikes',
    member: 'USA',
    period: '2014-12',
  },
  {
    figure: { indicator: 'cumulative coalition air strikes', asOf: '2015-01-08' },
    indicator: 'air_strikes',
    member: 'USA',
    period: '2015-01',
  },
  {
    figure: { indicator: 'cumulative coalition air strikes', asOf: '2015-03-18' },
    indicator: 'air_strikes',
    member: 'USA',
    period: '2015-03',
  },
  {
    figure: { indicator: 'cumulative coalition air strikes', asOf: '2015-08-07' },
    indicator: 'air_strikes',
    member: 'USA',
    period: '2015-08',
  },
  {
    figure: { indicator: 'cumulative coalition air strikes', asOf: '2016-01-20 (reported)' },
    indicator: 'air_strikes',
    member: 'USA',
    period: '2016-01',
  },
  {
    figure: { indicator: 'strike/escort/interdiction sorties in 2014 (Aug-Dec)', asOf: '2014-12-31' },
    indicator: 'strike_sorties',
    member: 'USA',
    period: '2014',
  },
  {
    figure: { indicator: 'strike/escort/interdiction sorties in 2015', asOf: '2015-12-31' },
    indicator: 'strike_sorties',
    member: 'USA',
    period: '2015',
  },
  {
    figure: { indicator: 'targets damaged or destroyed', asOf: '2015-07-29' },
    indicator: 'targets_damaged',
    member: 'USA',
    period: '2015-07',
  },
  {
    figure: { indicator: 'Iraqi Security Forces trained at coalition BPC sites', asOf: '2015-06-28' },
    indicator: 'iraqi_forces_trained',
    member: 'USA',
    period: '2015-06',
  },
  {
    figure: { indicator: 'Iraqi troops given basic combat training', asOf: '2016-01-20 (reported)' },
    indicator: 'iraqi_forces_trained',
    member: 'USA',
    period: '2016-01',
  },
  {
    figure: { indicator: 'US troops in Iraq', asOf: '2015-01-08' },
    indicator: 'personnel_in_iraq',
    member: 'USA',
    period: '2015-Q1',
  },
  // "Plus 3,300 US personnel": the US's own figure, from the note of the non-US trainers' count.
  {
    figure: { indicator: 'coalition trainers in Iraq (non-US)', asOf: '2015-08-07' },
    indicator: 'personnel_in_iraq',
    member: 'USA',
    period: '2015-Q3',
    value: 3300,
    fromNote: true,
  },
  {
    figure: { indicator: 'cumulative US cost of OIR', asOf: '2014-12-11' },
    indicator: 'operations_cost',
    member: 'USA',
    period: '2014-12',
  },
  {
    figure: { indicator: 'cumulative US cost of OIR', asOf: '2015-01-02' },
    indicator: 'operations_cost',
    member: 'USA',
    period: '2015-01',
  },
  {
    figure: { indicator: 'cumulative US cost of OIR', asOf: '2015-03-12' },
    indicator: 'operations_cost',
    member: 'USA',
    period: '2015-03',
  },
  {
    figure: { indicator: 'cumulative US cost of OIR', asOf: '2015-04' },
    indicator: 'operations_cost',
    member: 'USA',
    period: '2015-04',
  },
  {
    figure: { indicator: 'cumulative US cost of OIR', asOf: '2015-08-07' },
    indicator: 'operations_cost',
    member: 'USA',
    period: '2015-08',
  },
  {
    figure: { indicator: 'cumulative US cost of OIR', asOf: '2015-12-15' },
    indicator: 'operations_cost',
    member: 'USA',
    period: '2015-12',
  },
  {
    figure: { indicator: 'foreign fighters who travelled to Syria/Iraq', asOf: '2014-10' },
    indicator: 'foreign_fighters',
    member: 'NLD',
    period: '2014-Q4',
  },
  {
    figure: { indicator: 'foreign fighters who travelled to Syria/Iraq', asOf: '2015-02' },
    indicator: 'foreign_fighters',
    member: 'NLD',
    period: '2015-Q1',
  },
  {
    figure: { indicator: 'foreign militants with ISIL/others (UN monitors)', asOf: '2015-08' },
    indicator: 'foreign_fighters',
    member: 'NLD',
    period: '2015-Q3',
  },
  {
    figure: { indicator: 'foreign fighters who travelled to Syria/Iraq', asOf: '2015-10' },
    indicator: 'foreign_fighters',
    member: 'NLD',
    period: '2015-Q4',
  },
  {
    figure: { indicator: 'ISIL kidnapping-for-ransom revenue', asOf: '2014-10-23' },
    indicator: 'isil_revenue',
    member: 'USA',
    period: '2014',
    category: 'ransom',
  },
  // Cash taken from state-owned banks in late 2014: plunder.
  {
    figure: { indicator: 'ISIL cash seized from state-owned banks', asOf: '2015-02-27' },
    indicator: 'isil_revenue',
    member: 'USA',
    period: '2014',
    category: 'plunder',
  },
  // "Of which oil ~500 million USD": the 2015 total's oil share.
  {
    figure: { indicator: 'ISIL total revenue in 2015', asOf: '2015 (estimate published 2016-06)' },
    indicator: 'isil_revenue',
    member: 'USA',
    period: '2015',
    category: 'oil_sales',
    value: 500,
    fromNote: true,
  },
  {
    figure: { indicator: 'ISIL extortion/taxation revenue', asOf: '2015 (estimate published 2016-06)' },
    indicator: 'isil_revenue',
    member: 'USA',
    period: '2015',
    category: 'extortion',
  },
  {
    figure: { indicator: 'coalition partners listed by State Dept', asOf: '2014-09-26' },
    indicator: 'coalition_partners',
    member: 'USA',
    period: '2014-09',
  },
  {
    figure: { indicator: 'coalition partners (State Dept fact sheet)', asOf: '2015-12' },
    indicator: 'coalition_partners',
    member: 'USA',
    period: '2015-12',
  },
  {
    figure: { indicator: 'coalition participants (CRS citing State Dept)', asOf: '2016-04-13' },
    indicator: 'coalition_partners',
    member: 'USA',
    period: '2016-04',
  },
];

/**
 * The figures of the data file whose own value the seed does not place, and why. (Two of them
 * give a value from their note: see `fromNote` in PLACED_VALUES and PLACED_PLEDGES.)
 */
export const UNPLACED_FIGURES: (FigureRef & { reason: string })[] = [
  {
    indicator: 'partners attending Brussels ministerial',
    asOf: '2014-12-03',
    reason: "One meeting's attendance, not a count of partners; the meetings' records hold who came.",
  },
  {
    indicator: 'planners at CENTCOM coalition coordination conference',
    asOf: '2014-11-21',
    reason: 'One conference\'s attendance ("over" 200), not a member\'s report.',
  },
  {
    indicator: 'countries that had flown strike sorties',
    asOf: '2014-10-14',
    reason: 'A count of members taking part, which members do not report about themselves.',
  },
  {
    indicator: 'cumulative coalition air strikes',
    asOf: '2014-12-03',
    reason:
      "\"More than 1,000\": superseded in its month by S46's 1,371 (a stock takes the month's latest count); the issue's 1,000 is the month's target.",
  },
  {
    indicator: 'cumulative coalition air strikes (Airwars independent count)',
    asOf: '2015-08',
    reason: "An NGO's independent count, not the coalition's; the month has CENTCOM's 5,946.",
  },
  {
    indicator: 'cumulative coalition air strikes',
    asOf: '2015 (autumn; date uncertain)',
    reason: 'No month: the source is undated ("autumn 2015"), and "more than".',
  },
  {
    indicator: 'coalition trainers in Iraq (non-US)',
    asOf: '2015-08-07',
    reason:
      "1,200 from 17 countries: a total without each member's share, and personnel are reported by each member (the US's 3,300 from its note is placed).",
  },
  {
    indicator: 'US-trained Syrian opposition fighters still in the fight',
    asOf: '2015-09-16',
    reason: '"Four or five": a spoken estimate of a programme\'s outcome, not a count any indicator takes.',
  },
  {
    indicator: 'EU citizens who travelled to Syria/Iraq (Europol)',
    asOf: '2015-01',
    reason: 'A subset (EU citizens) and "up to": the indicator counts fighters from every country.',
  },
  {
    indicator: 'ISIL fighter strength (US estimate)',
    asOf: '2014 (CIA estimate, cited 2015-07-30)',
    reason: 'A range, "20000-31500", about ISIL itself, not a member\'s report.',
  },
  {
    indicator: 'ISIL oil revenue',
    asOf: '2014-10-23',
    reason: 'A daily rate before the air strikes ("1 million per day"); a year\'s figure would be our guess.',
  },
  {
    indicator: 'ISIL cumulative oil sales',
    asOf: '2015-12-10',
    reason: 'Cumulative over 2014 and 2015 ("more than"), not one year; the 2015 oil figure comes from S63.',
  },
  {
    indicator: 'ISIL oil sales rate',
    asOf: '2015-12',
    reason: 'A monthly rate ("up to" 40 million) that its own source says is uncertain to annualise.',
  },
  {
    indicator: "ISIL antiquities ('khums' looting tax) revenue in seized Abu Sayyaf records",
    asOf: '2015 (records seized May 2015; figure publicised later)',
    reason: "One province's records (Deir ez-Zor), not ISIL's revenue from antiquities.",
  },
  {
    indicator: 'pledges at Kuwait III Syria humanitarian conference',
    asOf: '2015-03-31',
    reason: "The conference's total over every donor; its largest pledges, from the note, are placed as pledges.",
  },
  {
    indicator: 'people in need inside Syria',
    asOf: '2015-03-31',
    reason: "A need (OCHA's), not what a member delivers.",
  },
  {
    indicator: 'contributions received by UNDP FFIS (Iraq stabilization)',
    asOf: '2015-12-31',
    reason:
      "A total over thirteen donors without each donor's amount; the demo's German and British FFIS contributions are illustrative, marked so.",
  },
  {
    indicator: 'share of populated areas ISIL lost (Iraq+Syria)',
    asOf: '2015-04',
    reason: 'A range, "25-30" percent, about territory, not a member\'s report.',
  },
  {
    indicator: 'share of populated territory ISIL once held in Iraq now retaken',
    asOf: '2016-02-02',
    reason: 'About territory, not a member\'s report; "approx." and after the window.',
  },
  {
    indicator: 'CIFG participating countries',
    asOf: '2015-03-20',
    reason: "One working group's participants; its offices hold them.",
  },
  {
    indicator: "Leaders' Summit participation",
    asOf: '2015-09-29',
    reason: 'One summit\'s attendance ("more than" 100), not a count of partners.',
  },
  {
    indicator: 'ISIL total revenue in 2015',
    asOf: '2015 (estimate published 2016-06)',
    reason:
      'A total over sources the categories do not all break down (oil 500 and extortion 350 leave 150 unattributed): its oil share, from the note, is placed.',
  },
];

// ─── Periods ───────────────────────────────────────────────────────────────────────────────

/**
 * The open periods' closing day. The demo runs on the real clock, whenever it is loaded: a
 * closing day far ahead keeps these periods open for members, so the review screens always have
 * drafts, submissions and returns to show.
 */
export const OPEN_CLOSES_ON = '2099-12-31';

/** A closed period closes at the end of the month after it ends: members had a month to report. */
function closedClosesOn(endsOn: string): string {
  const [y, m] = endsOn.split('-').map(Number);
  return new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
}

// ─── Illustrative entries of the open periods ──────────────────────────────────────────────

const ILLUSTRATIVE = 'Illustrative demo entry, not a sourced figure.';

interface DemoReport {
  period: string;
  member: string;
  status: 'draft' | 'submitted' | 'returned';
  returnReason?: string;
  values: {
    indicator: string;
    category?: string;
    value: number;
    status: 'draft' | 'submitted' | 'returned';
    returnReason?: string;
  }[];
}

/**
 * The periods open for reporting: everything up to April 2016 (the data file's last figure) is
 * closed; May 2016, its quarter and its year are open.
 */
export const OPEN_PERIODS = ['2016-05', '2016-Q2', '2016'] as const;
/** Drafts, submissions and returns in the open periods: plausible figures, none of them sourced. */
export const DEMO_REPORTS: DemoReport[] = [
  {
    period: '2016-05',
    member: 'USA',
    status: 'draft',
    values: [
      { indicator: 'air_strikes', value: 11900, status: 'draft' },
      { indicator: 'operations_cost', value: 7.2, status: 'draft' },
    ],
  },
  {
    period: '2016-Q2',
    member: 'GBR',
    status: 'submitted',
    values: [{ indicator: 'personnel_in_iraq', value: 300, status: 'submitted' }],
  },
  {
    period: '2016-Q2',
    member: 'DEU',
    status: 'submitted',
    values: [{ indicator: 'personnel_in_iraq', value: 120, status: 'submitted' }],
  },
  {
    period: '2016-Q2',
    member: 'AUS',
    status: 'draft',
    values: [{ indicator: 'personnel_in_iraq', value: 380, status: 'draft' }],
  },
  {
    period: '2016-Q2',
    member: 'ITA',
    status: 'returned',
    returnReason: 'Please check the personnel figure before submitting again.',
    values: [
      {
        indicator: 'personnel_in_iraq',
        value: 750,
        status: 'returned',
        returnReason: 'Count only personnel inside Iraq: this seems to include those based in Kuwait.',
      },
    ],
  },
  {
    period: '2016-Q2',
    member: 'NLD',
    status: 'submitted',
    values: [{ indicator: 'foreign_fighters', value: 31000, status: 'submitted' }],
  },
  {
    period: '2016',
    member: 'USA',
    status: 'returned',
    returnReason: 'One estimate needs its source and the months it covers.',
    values: [
      {
        indicator: 'isil_revenue',
        category: 'oil_sales',
        value: 250,
        status: 'returned',
        returnReason: 'Say which months this estimate covers and where it comes from.',
      },
      { indicator: 'isil_revenue', category: 'extortion', value: 300, status: 'submitted' },
    ],
  },
];

// ─── Pledges ───────────────────────────────────────────────────────────────────────────────

/** The minor digits of the currencies the demo's pledges use (ISO 4217). */
const MINOR_DIGITS: Record<string, number> = { USD: 2, EUR: 2, GBP: 2 };

function toMinor(amount: number, currency: string): number {
  const digits = MINOR_DIGITS[currency];
  if (digits === undefined) throw new Error(`Seed: no minor digits for ${currency}`);
  return Math.round(amount * 10 ** digits);
}

interface SeedPledge {
  /** The figure it comes from; none for an illustrative one (its note says so). */
  figure?: FigureRef;
  fromNote?: boolean;
  member: string;
  lineOfEffort: string;
  /** In the currency's major units (dollars). */
  amount: number;
  currency: string;
  valueDate: string;
  note: string;
  events: { status: 'committed' | 'disbursed' | 'withdrawn'; on: string; amount?: number; note?: string }[];
}

const KUWAIT_III: FigureRef = { indicator: 'pledges at Kuwait III Syria humanitarian conference', asOf: '2015-03-31' };
const FFIS = 'UNDP Funding Facility for Immediate Stabilization (Iraq)';

/**
 * Pledges from the figures, with their life where the sources tell it (else left pledged), and two
 * illustrative contributions to FFIS in euros and pounds (the FFIS report names the donors but not
 * their amounts), so that totals convert a currency. No in-kind pledge: no figure gives a member's
 * contribution in kind with a quantity (the 1,200 non-US trainers are seventeen countries' total).
 */
export const PLACED_PLEDGES: SeedPledge[] = [
  {
    figure: { indicator: 'Saudi contribution to UN humanitarian agencies in Iraq', asOf: '2014-10-09 (reported)' },
    member: 'SAU',
    lineOfEffort: 'LOE4-humanitarian',
    amount: 500_000_000,
    currency: 'USD',
    valueDate: '2014-10-09',
    note: 'To UN humanitarian agencies in Iraq. The data file calls it a contribution, reported on 2014-10-09 without an earlier date: the seed takes it as committed and paid that day.',
    events: [
      { status: 'committed', on: '2014-10-09' },
      { status: 'disbursed', on: '2014-10-09', amount: 500_000_000 },
    ],
  },
  {
    figure: { indicator: 'Japan additional support to Iraq and neighbours', asOf: '2014-09-23' },
    member: 'JPN',
    lineOfEffort: 'LOE4-humanitarian',
    amount: 25_500_000,
    currency: 'USD',
    valueDate: '2014-09-23',
    note: 'Additional support to Iraq and its neighbours, announced; the source says nothing of its payment.',
    events: [],
  },
  ...(
    [
      ['USA', 507_000_000, 'About 507-508 million in the source: the lower figure.'],
      ['KWT', 500_000_000, 'The host’s pledge.'],
      ['EU', 1_200_000_000, 'About 1.2 billion in the source.'],
      ['ARE', 100_000_000, ''],
      ['SAU', 60_000_000, ''],
    ] as const
  ).map(([member, amount, more]) => ({
    figure: KUWAIT_III,
    fromNote: true,
    member,
    lineOfEffort: 'LOE4-humanitarian',
    amount,
    currency: 'USD',
    valueDate: '2015-03-31',
    note: `Pledged at the Third International Humanitarian Pledging Conference for Syria (Kuwait III), among its largest pledges. ${more} The sources say nothing of its payment.`.replace(
      /\s+/g,
      ' ',
    ),
    events: [],
  })),
  {
    member: 'DEU',
    lineOfEffort: 'LOE4-humanitarian',
    amount: 10_000_000,
    currency: 'EUR',
    valueDate: '2015-06-30',
    note: `${ILLUSTRATIVE} A contribution to ${FFIS}: S73/S74 list Germany among its donors without the amount; the amount and dates are ours.`,
    events: [
      { status: 'committed', on: '2015-06-30' },
      { status: 'disbursed', on: '2015-08-31', amount: 6_000_000 },
      { status: 'disbursed', on: '2015-12-15', amount: 4_000_000 },
    ],
  },
  {
    member: 'GBR',
    lineOfEffort: 'LOE4-humanitarian',
    amount: 5_000_000,
    currency: 'GBP',
    valueDate: '2015-12-31',
    note: `${ILLUSTRATIVE} A contribution to ${FFIS}: S73/S74 list the UK among its donors without the amount; the amount and date are ours.`,
    events: [{ status: 'committed', on: '2015-12-31' }],
  },
];

/**
 * US dollars per unit on the non-US pledges' value dates: approximate market rates of those days
 * (the euro near 1.12 at the end of June 2015, the pound near 1.48 at the end of 2015), for the
 * demo, not from the data file. USD is 1 on every value date, so no convention is needed.
 */
export const FX_RATES: { currency: string; date: string; usdPerUnit: number }[] = [
  { currency: 'EUR', date: '2015-06-30', usdPerUnit: 1.1189 },
  { currency: 'GBP', date: '2015-12-31', usdPerUnit: 1.4833 },
];

// ─── Seeding ───────────────────────────────────────────────────────────────────────────────

function sameFigure(a: FigureRef, b: FigureRef): boolean {
  return a.indicator === b.indicator && a.asOf === b.asOf;
}

/** The data file's figure a reference names; the seed stops if the file no longer has it. */
export function findFigure(data: SeedProgressData, ref: FigureRef): SeedFigure {
  const found = data.figures.filter((f) => sameFigure(f, ref));
  if (found.length !== 1) throw new Error(`Seed: ${found.length} figures for ${ref.indicator} as of ${ref.asOf}`);
  return found[0];
}

/** "S46: title (publisher, date); …", then the figure's date, scope, unit and note: where a value comes from. */
export function sourceNote(data: SeedProgressData, figure: SeedFigure): string {
  const sources = figure.source.map((id) => {
    const s = data.sources.find((x) => x.id === id);
    if (!s) return id;
    const about = [s.publisher, s.date].filter(Boolean).join(', ');
    return `${id}: ${s.title}${about ? ` (${about})` : ''}`;
  });
  const parts = [
    sources.join('; '),
    `${figure.indicator}: ${figure.value} ${figure.unit}, as of ${figure.asOf}, ${figure.scope}.`,
    figure.note,
  ];
  const note = parts.filter(Boolean).join(' — ');
  return note.length > 2000 ? `${note.slice(0, 1999)}…` : note;
}

function figureValue(figure: SeedFigure): number {
  const value = typeof figure.value === 'number' ? figure.value : Number(figure.value);
  if (!Number.isFinite(value)) throw new Error(`Seed: ${figure.indicator} has no single value (${figure.value})`);
  return value;
}

export interface SeededProgress {
  indicators: number;
  periods: number;
  reports: number;
  values: number;
  pledges: number;
}

/**
 * Seeds the indicators and their targets, the reporting periods, the members' reports and
 * values, the pledges with their events and the FX rates, each audited, then refreshes the rollups
 * of the indicators with approved values. After the lines of effort (their ids by key).
 */
export async function seedProgress(
  tx: Tx,
  auth: Auth,
  data: SeedProgressData,
  refs: { lineIds: Map<string, string>; memberByCode: Map<string, string> },
): Promise<SeededProgress> {
  const lineId = (key: string) => {
    const id = refs.lineIds.get(key);
    if (!id) throw new Error(`Seed: no line of effort ${key}`);
    return id;
  };
  const memberId = (code: string) => {
    const id = refs.memberByCode.get(code);
    if (!id) throw new Error(`Seed: no member ${code}`);
    return id;
  };
  // Each table in one statement, and their audit events in one more: the harness seeds the demo for every test file.
  const audits: AuditEntry[] = [];

  // Indicators and their targets.
  const specs = indicatorsOf(data);
  const indicatorRows = await tx
    .insert(indicators)
    .values(
      specs.map((spec) => ({
        key: spec.key,
        names: spec.names,
        unit: spec.unit,
        unitTranslations: UNIT_TRANSLATIONS[spec.unit] ?? {},
        lineOfEffortId: lineId(spec.lineOfEffort),
        memberAggregation: spec.memberAggregation,
        timeAggregation: spec.timeAggregation,
        periodType: spec.periodType,
        categories: spec.categories ?? [],
        visibility: spec.visibility,
        description: spec.description,
      })),
    )
    .returning();
  const indicatorIds = new Map(indicatorRows.map((row) => [row.key, row.id]));
  const indicatorId = (key: string) => {
    const id = indicatorIds.get(key);
    if (!id) throw new Error(`Seed: no indicator ${key}`);
    return id;
  };
  const targets = specs.flatMap((spec) =>
    (spec.targets ?? []).map((t) => ({ indicatorId: indicatorId(spec.key), period: t.period, value: t.value })),
  );
  if (targets.length > 0) await tx.insert(indicatorTargets).values(targets);
  for (const row of indicatorRows) {
    audits.push({
      action: 'indicator.created',
      entityType: 'indicator',
      entityId: row.id,
      after: { ...row, targets: targets.filter((t) => t.indicatorId === row.id) },
    });
  }

  // Periods: every period a placed value names (closed), and the open ones.
  const open = new Set<string>(OPEN_PERIODS);
  const periodNames = [...new Set([...PLACED_VALUES.map((v) => v.period), ...OPEN_PERIODS])].sort();
  const periodRows = await tx
    .insert(reportingPeriods)
    .values(
      periodNames.map((name) => {
        const parsed = parsePeriod(name);
        if (!parsed) throw new Error(`Seed: bad period ${name}`);
        return {
          period: name,
          type: parsed.type,
          startsOn: parsed.startsOn,
          endsOn: parsed.endsOn,
          closesOn: open.has(name) ? OPEN_CLOSES_ON : closedClosesOn(parsed.endsOn),
        };
      }),
    )
    .returning();
  for (const row of periodRows) {
    audits.push({ action: 'period.opened', entityType: 'period', entityId: row.id, after: row });
  }
  const periodEnd = new Map(periodRows.map((p) => [p.period, p.endsOn]));
  /** When the seed says a period's reports were submitted and reviewed: its last day, at noon UTC. */
  const endOf = (period: string) => new Date(`${periodEnd.get(period)}T12:00:00Z`);

  // Reports: the placed figures approved, one report per (period, member); then the open periods' entries.
  type ValueInsert = Omit<typeof reportValues.$inferInsert, 'reportId'>;
  interface ReportSpec {
    period: string;
    member: string;
    status: 'draft' | 'submitted' | 'approved' | 'returned';
    returnReason?: string;
    values: ValueInsert[];
  }
  const approved = new Map<string, ReportSpec>();
  for (const placed of PLACED_VALUES) {
    const figure = findFigure(data, placed.figure);
    const value = placed.value ?? figureValue(figure);
    const key = `${placed.period} ${placed.member}`;
    const report = approved.get(key) ?? {
      period: placed.period,
      member: placed.member,
      status: 'approved',
      values: [],
    };
    report.values.push({
      indicatorId: indicatorId(placed.indicator),
      period: placed.period,
      memberId: memberId(placed.member),
      category: placed.category ?? '',
      value,
      note: sourceNote(data, figure),
      status: 'approved',
      approvedValue: value,
      approvedAt: endOf(placed.period),
    });
    approved.set(key, report);
  }
  const reportSpecs: ReportSpec[] = [
    ...approved.values(),
    ...DEMO_REPORTS.map((report) => ({
      ...report,
      values: report.values.map((v) => ({
        indicatorId: indicatorId(v.indicator),
        period: report.period,
        memberId: memberId(report.member),
        category: v.category ?? '',
        value: v.value,
        note: ILLUSTRATIVE,
        status: v.status,
        returnReason: v.returnReason ?? null,
      })),
    })),
  ];
  const reportRows = await tx
    .insert(reports)
    .values(
      reportSpecs.map((report) => {
        // As the reports service derives it from the values, never typed again.
        const status = reportStatusOf(report.values.map((v) => v.status ?? ValueStatus.enum.draft));
        const { draft, approved, returned } = ReportStatus.enum;
        return {
          period: report.period,
          memberId: memberId(report.member),
          status,
          returnReason: report.returnReason ?? null,
          submittedAt: status === draft ? null : endOf(report.period),
          reviewedAt: status === approved || status === returned ? endOf(report.period) : null,
        };
      }),
    )
    .returning();
  const reportId = new Map(reportRows.map((r) => [`${r.period} ${r.memberId}`, r.id]));
  const valueRows = await tx
    .insert(reportValues)
    .values(
      reportSpecs.flatMap((report) =>
        report.values.map((v) => ({ ...v, reportId: reportId.get(`${report.period} ${v.memberId}`) as string })),
      ),
    )
    .returning();
  for (const row of reportRows) {
    audits.push({
      action: 'report.seeded',
      entityType: 'report',
      entityId: row.id,
      after: { ...row, values: valueRows.filter((v) => v.reportId === row.id) },
    });
  }

  // Pledges, their events, and the rates of their value dates.
  const pledgeSpecs = PLACED_PLEDGES.map((spec) => {
    const source = spec.figure ? sourceNote(data, findFigure(data, spec.figure)) : null;
    const amountMinor = toMinor(spec.amount, spec.currency);
    const events = spec.events.map((e) => ({
      status: e.status,
      on: e.on,
      // A commitment commits the whole pledge unless it says otherwise.
      amountMinor:
        e.amount !== undefined ? toMinor(e.amount, spec.currency) : e.status === 'committed' ? amountMinor : null,
      note: e.note ?? null,
    }));
    const pledge = {
      memberId: memberId(spec.member),
      lineOfEffortId: lineId(spec.lineOfEffort),
      kind: 'financial' as const,
      // The last event's status: a disbursement, even a partial one, makes it `disbursed`.
      status: events.at(-1)?.status ?? ('pledged' as const),
      amountMinor,
      currency: spec.currency,
      valueDate: spec.valueDate,
      note: source ? `${spec.note} ${source}` : spec.note,
      committedMinor: events.find((e) => e.status === 'committed')?.amountMinor ?? null,
      disbursedMinor: events.filter((e) => e.status === 'disbursed').reduce((sum, e) => sum + (e.amountMinor ?? 0), 0),
    };
    return { pledge, events };
  });
  const pledgeRows = await tx
    .insert(pledges)
    .values(pledgeSpecs.map((s) => s.pledge))
    .returning();
  // One pledge per row given, in order (as the members of demo.ts).
  const eventRows = await tx
    .insert(pledgeEvents)
    .values(pledgeSpecs.flatMap((s, i) => s.events.map((e) => ({ ...e, pledgeId: pledgeRows[i].id }))))
    .returning();
  for (const row of pledgeRows) {
    audits.push({
      action: 'pledge.created',
      entityType: 'pledge',
      entityId: row.id,
      after: { ...row, events: eventRows.filter((e) => e.pledgeId === row.id) },
    });
  }

  const usdDays = [...new Set(PLACED_PLEDGES.map((p) => p.valueDate))].sort();
  const rateRows = await tx
    .insert(fxRates)
    .values([...FX_RATES, ...usdDays.map((date) => ({ currency: 'USD', date, usdPerUnit: 1 }))])
    .returning();
  audits.push({ action: 'fx_rates.imported', entityType: 'fx_rates', entityId: null, after: rateRows });
  await recordAudits(tx, auth, audits);

  await refreshIndicators(tx, [...new Set(PLACED_VALUES.map((v) => indicatorId(v.indicator)))]);

  return {
    indicators: indicatorRows.length,
    periods: periodRows.length,
    reports: reportRows.length,
    values: valueRows.length,
    pledges: pledgeRows.length,
  };
}
