import type { Language } from '../../../shared/language.js';
import { DelegateRole, type Delegation, type Meeting } from '../../../shared/meetings.js';
import { calendarFileName } from './calendar.js';

/** Excel reads a UTF-8 file as the system's code page unless it starts with a byte order mark. */
const BOM = '\uFEFF';

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
export const csvField = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const csvLine = (fields: (string | number | null)[]) => `${fields.map(csvField).join(',')}\r\n`;

const PUBLIC_COLUMNS = ['position', 'code', 'member', 'head', 'level', 'attendance', 'note'];
/** Alternates and advisers are the coalition's: a file for the public has no column for them. */
const COALITION_COLUMNS = ['alternates', 'advisers'];

const seatNames = (d: Delegation, role: DelegateRole) =>
  d.delegates
    .filter((s) => s.role === role)
    .map((s) => s.person.name)
    .join('; ');

/**
 * A meeting's delegations as CSV, in protocol order (the order of the meeting page): member names
 * in `lang`, levels and attendance as the API's codes. `withSeats` adds alternates and advisers.
 */
export function delegationsCsv(meeting: Pick<Meeting, 'delegations'>, lang: Language, withSeats: boolean): string {
  const header = csvLine(withSeats ? [...PUBLIC_COLUMNS, ...COALITION_COLUMNS] : PUBLIC_COLUMNS);
  const rows = meeting.delegations.map((d, i) => {
    const fields = [
      i + 1,
      d.memberCode,
      d.memberNames[lang],
      d.head?.name ?? null,
      d.level,
      d.attendance,
      d.attendanceNote,
    ];
    return csvLine(
      withSeats
        ? [...fields, seatNames(d, DelegateRole.enum.alternate), seatNames(d, DelegateRole.enum.adviser)]
        : fields,
    );
  });
  return BOM + header + rows.join('');
}

/** "2014-12-03-brussels-ministerial-delegations.csv", after the meeting like its calendar file. */
export const delegationsCsvFileName = (m: Parameters<typeof calendarFileName>[0]): string =>
  calendarFileName(m).replace(/\.ics$/, '-delegations.csv');
