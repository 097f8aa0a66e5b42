// The values of the enums the web app needs at run time, without zod: a page that lists meeting
// kinds should not download a schema library to do it (zod is 24 KiB gzip of the public pages'
// first load). The zod enums in the other files of src/shared are made from these lists, so
// there is still one source for each; the server and the API's schemas use the zod enums.

export const LANGUAGES = ['en', 'fr', 'ar'] as const;

export const MEMBER_KINDS = ['state', 'organization'] as const;
export const MEMBER_STATUSES = ['active', 'former'] as const;

export const MEETING_KINDS = ['ministerial', 'small_group', 'working_group', 'senior_officials', 'other'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const VISIBILITIES = ['public', 'coalition', 'restricted'] as const;
/** A meeting's working language: one of the interface's languages. */
export const WORKING_LANGUAGES = LANGUAGES;
export const REPRESENTATION_LEVELS = [
  'head_of_state_or_government',
  'minister',
  'deputy_minister',
  'ambassador',
  'senior_official',
  'official',
] as const;
export const ATTENDANCE_STATUSES = ['unknown', 'present', 'absent'] as const;

// Statements adopted by consensus (src/shared/statements.ts).
export const STATEMENT_KINDS = ['joint_statement', 'chair_statement', 'communique', 'press_release'] as const;
/** draft → in_procedure (circulated) → adopted; back to draft when a procedure breaks or ends without adoption. */
export const STATEMENT_STATUSES = ['draft', 'in_procedure', 'adopted', 'withdrawn'] as const;
export const PROCEDURE_KINDS = ['silence', 'endorsement'] as const;
/**
 * open until its deadline; then `adopted` (silence kept) or `closed` (an endorsement's end);
 * `broken` the moment a member breaks silence; `withdrawn` by the secretariat.
 */
export const PROCEDURE_STATUSES = ['open', 'broken', 'adopted', 'closed', 'withdrawn'] as const;
export const PROCEDURE_RESPONSES = ['break', 'endorse'] as const;
export const DECISION_METHODS = ['silence', 'endorsement', 'meeting_consensus'] as const;
export const POSITION_KINDS = ['reservation', 'explanation_of_position'] as const;
export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
/**
 * What an adopted statement's PATCH may change: how it is published (the translations of its
 * title, who may read it), never its title, kind, language or meeting, which its decision recorded.
 * A draft takes any change; a statement in procedure or withdrawn, none.
 */
export const CHANGEABLE_WHEN_ADOPTED = ['translations', 'visibility', 'restrictedTo'] as const;

// Progress: lines of effort, indicators, reporting, pledges (src/shared/progress.ts, pledges.ts, imports.ts).
/** A time-bound office in a working group. */
export const OFFICE_ROLES = ['co_lead', 'participant'] as const;
/** How members' values for one period combine into the coalition's. */
export const MEMBER_AGGREGATIONS = ['sum', 'max', 'mean'] as const;
/** How periods combine: `flow` values add up (strikes in a month), a `stock` is its latest value (trainees to date). */
export const TIME_AGGREGATIONS = ['flow', 'stock'] as const;
/** Periods are written `2015-01` (month), `2015-Q1` (quarter), `2015` (year). */
export const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
/** Who may read an indicator's approved values: everyone, or the coalition's signed-in users. */
export const INDICATOR_VISIBILITIES = ['public', 'coalition'] as const;
/** A member's report for a period; `not_started` until its first save (version 0). */
export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'approved', 'returned'] as const;
/** One value of a report: the member works on it (draft), sends it (submitted), the secretariat approves or returns it. */
export const VALUE_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const PLEDGE_KINDS = ['financial', 'in_kind'] as const;
/** pledged → committed → disbursed (partial disbursements add up), or withdrawn. */
export const PLEDGE_STATUSES = ['pledged', 'committed', 'disbursed', 'withdrawn'] as const;
/** What an event moves a pledge to. */
export const PLEDGE_EVENT_STATUSES = ['committed', 'disbursed', 'withdrawn'] as const;
export const IMPORT_KINDS = ['values', 'pledges'] as const;
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const IMPORT_STATUSES = ['validating', 'writing', 'done', 'failed'] as const;

/**
 * Why a field was refused (src/shared/problem.ts: `FieldErrorCode`), as a stable code the interface
 * translates; parameters, when a code has some, are in the field error's `params`.
 */
export const FIELD_ERROR_CODES = [
  // From the request's schema.
  'required', // missing, or empty where a value is needed
  'invalid_type', // a number where text was expected, and the like
  'too_short', // text: params.minimum characters at least
  'too_long', // text: params.maximum characters at most
  'too_few', // a list: params.minimum items at least
  'too_many', // a list: params.maximum items at most
  'too_small', // a number: params.minimum at least
  'too_big', // a number: params.maximum at most
  'invalid_format', // params.format: email, date, time, uuid, time_zone, member_code, pattern…
  'invalid_value', // not one of the allowed values (params.options, comma-separated)
  'unknown_field', // a field the endpoint does not take
  'nul_character', // text holds a NUL character (U+0000), which cannot be stored
  'invalid', // anything else the schema refuses
  // From the services: the request is well-formed but does not fit the records.
  'unknown_member', // params.code: no member has this code
  'unknown_person', // no such person
  'person_of_other_member', // the person speaks for another member
  'person_twice', // the person is already on this delegation
  'merge_into_itself', // a person cannot be merged into themselves
  'person_exists', // params.personId, params.name: a known person of the member has this name (compared folded: case, accents, spaces)
  'before_start', // an end (a date, a time, leaving) before its start
  'start_time_required', // an end time needs a start time
  'only_when_restricted', // only a restricted meeting lists members
  'translation_of_original', // params.language: a translation in the original's own language (the original is the authentic text)
  'not_a_country_code', // a state's code is not an ISO 3166-1 alpha-3 code
  'country_code_for_organization', // an organisation with a country's code
  'over_quota', // params.quota, params.allowed: more delegates than the seat quota
  'head_required', // a delegation with others needs a head
  'member_for_focal_point_only', // a focal point needs a member; other roles take none
  'version_format', // If-Match is not a version number
  // Statements and procedures.
  'unknown_meeting', // no meeting has this id (or the caller may not see it)
  'unknown_text_version', // params.number: the statement has no text version with this number
  'deadline_not_future', // a deadline must be after the current instant (of the database's clock)
  'deadline_not_later', // an extension must move the deadline later than params.deadline
  'unknown_paragraph', // params.count: the circulated text has paragraphs 1 to params.count
  'paragraph_required', // proposed wording needs the paragraph it replaces
  'response_not_of_kind', // params.kind: a silence procedure takes `break`, an endorsement `endorse`
  'no_members', // a procedure needs at least one member
  'member_not_listed', // params.code: a restricted statement is circulated only to the members it lists
  'one_owner', // a follow-up has one owner: a member or a working group
  // Progress and pledges.
  'unknown_line_of_effort', // params.key: no line of effort has this key
  'unknown_working_group', // params.key: no working group has this key
  'unknown_indicator', // params.key: no indicator has this key (or the caller may not see it)
  'unknown_period', // params.period: no reporting period is open under this name
  'unknown_category', // params.category, params.options: the indicator has no such category
  'category_required', // params.options: the indicator is broken down by category; each value names one
  'no_categories', // the indicator has no categories; a value names none
  'period_type_mismatch', // params.periodType: the indicator is reported by this kind of period
  'period_format', // a period is written 2015-01, 2015-Q1 or 2015
  'value_twice', // params.indicator, params.category: one value per indicator and category in a report
  'unknown_currency', // params.currency: not an ISO 4217 currency code
  'amount_precision', // params.digits: the currency has this many minor digits (an amount is in minor units, an integer)
  'financial_fields', // a financial pledge has amountMinor, currency and valueDate, and no quantity or unit
  'in_kind_fields', // an in-kind pledge has description, quantity and unit, and no amount or currency
  'over_committed', // params.remainingMinor: disbursements add up to more than the committed amount
  'rate_twice', // params.line: an FX file gives this currency's rate for this day twice (first on that line)
  'not_a_number', // a value must be a finite number
  // Imports (a row of a file).
  'other_member', // params.code: a focal point imports only their own member's rows
  'period_closed', // params.period, params.closesOn: the period closed for members' reporting
  'under_review', // the member's report waits for the secretariat's review
  'return_needs_reason', // a value is returned from the review, with a reason, not by an import
  'unknown_pledge', // no pledge has this id (empty for a new pledge)
  'category_twice', // params.category: an indicator names each category once
  'target_twice', // params.period: an indicator has one target per period
  'fixed_once_reported', // the indicator has values: its aggregation, period type and categories no longer change
  // Sources and press.
  'unknown_statement', // no statement has this id
  'unknown_decision', // no decision has this id
] as const;

/** Whether a value is one of an enum's: `isOneOf(MEETING_KINDS, params.get('kind'))`. */
export const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

// The public portal: sources and press, search, open data (src/shared/sources.ts, search.ts, open-data.ts).
/** A register entry: a `source` the coalition's facts come from, or a `press` article about it. */
export const SOURCE_KINDS = ['source', 'press'] as const;
/** What a source or an article supports or mentions. */
export const SOURCE_SUBJECTS = ['member', 'person', 'meeting', 'statement', 'decision', 'indicator'] as const;
/** What the search finds. */
export const SEARCH_KINDS = ['member', 'person', 'meeting', 'statement', 'decision', 'source'] as const;
/** The public lists one can download, each as `{name}.csv` and `{name}.json`. */
export const OPEN_DATASETS = [
  'members',
  'meetings',
  'delegations',
  'statements',
  'decisions',
  'indicator-values',
  'pledges',
  'sources',
] as const;
/**
 * Where a member stood on an adopted statement circulated to it: `endorsed` (an endorsement it
 * gave), `kept_silence` (a silence it did not break), `broke_silence` (it broke one, and the text
 * was adopted later), `not_endorsed` (an endorsement procedure it did not answer).
 */
export const MEMBER_STATEMENT_STANDINGS = ['endorsed', 'kept_silence', 'broke_silence', 'not_endorsed'] as const;
