import type {
  AttendanceStatus,
  MeetingKind,
  MeetingStatus,
  RepresentationLevel,
  Visibility,
  WorkingLanguage,
} from '../../../shared/meetings.js';

// The English labels below are what the meeting forms read until they move to useEnumOptions()
// and the enums catalog; the meeting pages already do. Remove each once nothing imports it.

export const KIND_LABELS: Record<MeetingKind, string> = {
  ministerial: 'Ministerial',
  small_group: 'Small group',
  working_group: 'Working group',
  senior_officials: 'Senior officials',
  other: 'Other',
};

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: 'Cancelled',
};
export const STATUS_COLORS: Record<MeetingStatus, string> = { planned: 'blue', held: 'green', cancelled: 'red' };

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Public',
  coalition: 'Coalition only',
  restricted: 'Restricted',
};

export const LEVEL_LABELS: Record<RepresentationLevel, string> = {
  head_of_state_or_government: 'Head of state or government',
  minister: 'Minister',
  deputy_minister: 'Deputy minister',
  ambassador: 'Ambassador',
  senior_official: 'Senior official',
  official: 'Official',
};

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'present',
  absent: 'absent',
  unknown: 'not known',
};
export const ATTENDANCE_COLORS: Record<AttendanceStatus, string> = { present: 'green', absent: 'red', unknown: 'gray' };

export const LANGUAGE_LABELS: Record<WorkingLanguage, string> = { en: 'English', fr: 'French', ar: 'Arabic' };

/** "1+3" → 3: the seats beside the head of delegation. */
export const extraSeats = (quota: string): number => Number(quota.split('+')[1] ?? 0);

/** "1+3: the head and up to 3 others". */
export function quotaInWords(quota: string): string {
  const others = extraSeats(quota);
  if (others === 0) return `${quota}: the head of delegation alone`;
  return `${quota}: the head and up to ${others} ${others === 1 ? 'other' : 'others'}`;
}

export const options = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

/**
 * The protocol order's rules, as the meetings catalog words them (protocolOrder.rule.<rule>.<language>).
 * `host_then_states_then_organizations`: the host first; then states in the alphabetical order of
 * their names in the meeting's working language; then organisations, alphabetically.
 */
const PROTOCOL_RULES = ['host_then_states_then_organizations'] as const;
export type ProtocolRuleCode = (typeof PROTOCOL_RULES)[number];

/**
 * The rule of a protocol order. Until the server change that sends it as a code (shared
 * `ProtocolRule`) is merged, `rule` is still the English sentence of the one rule there is:
 * the loose type and the fallback go with that merge.
 */
export function protocolRuleOf(order: { rule: string }): ProtocolRuleCode {
  const rule = order.rule as ProtocolRuleCode;
  return PROTOCOL_RULES.includes(rule) ? rule : 'host_then_states_then_organizations';
}
