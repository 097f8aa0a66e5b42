import { MEETING_KINDS, MEETING_STATUSES } from '../../../shared/enums.js';
import type { Dataset } from '../open-data/dataset.js';
import { MEETINGS_TAG } from './meeting-loader.js';
import type { MeetingsService } from './meetings.service.js';

/** Public meetings, in the order of GET /api/v1/meetings (soonest first). */
export function meetingsDataset(meetings: Pick<MeetingsService, 'listMeetings'>): Dataset {
  return {
    name: 'meetings',
    description: 'The coalition’s public meetings: kind, title, host, place, dates and status.',
    api: '/api/v1/meetings',
    tags: [MEETINGS_TAG],
    columns: [
      { name: 'id', type: 'string', description: 'The meeting’s identifier (UUID); its page is /meetings/{id}.' },
      { name: 'kind', type: 'string', description: `One of: ${MEETING_KINDS.join(', ')}.` },
      { name: 'title', type: 'string', description: 'The title in the meeting’s working language.' },
      {
        name: 'working_language',
        type: 'string',
        description: 'The language of the title and the meeting’s texts (en, fr, ar).',
      },
      { name: 'status', type: 'string', description: `One of: ${MEETING_STATUSES.join(', ')}.` },
      { name: 'host_code', type: 'string', description: 'The host member’s code, when there is one.' },
      { name: 'city', type: 'string', description: 'The city, in the working language.' },
      { name: 'venue', type: 'string', description: 'The venue.' },
      {
        name: 'time_zone',
        type: 'string',
        description: 'The IANA time zone where the meeting is held (Europe/Brussels).',
      },
      {
        name: 'date_precision',
        type: 'string',
        description: 'How precisely the dates are known: day, or month (the days are then the month’s first and last).',
      },
      { name: 'start_date', type: 'date', description: 'First day (YYYY-MM-DD), local to the meeting.' },
      { name: 'end_date', type: 'date', description: 'Last day (YYYY-MM-DD), local to the meeting.' },
      {
        name: 'starts_at',
        type: 'datetime',
        description: 'Start with the zone’s offset (ISO 8601), when the time is known.',
      },
      {
        name: 'ends_at',
        type: 'datetime',
        description: 'End with the zone’s offset (ISO 8601), when the time is known.',
      },
    ],
    // The list is one cached read of the meetings' summaries: rows are yielded from it as they are.
    async *rows(auth) {
      for (const m of (await meetings.listMeetings(auth, {})).items) {
        yield {
          id: m.id,
          kind: m.kind,
          title: m.title,
          working_language: m.workingLanguage,
          status: m.status,
          host_code: m.hostCode,
          city: m.city,
          venue: m.venue,
          time_zone: m.timeZone,
          date_precision: m.datePrecision,
          start_date: m.startDate,
          end_date: m.endDate,
          starts_at: m.startsAt,
          ends_at: m.endsAt,
        };
      }
    },
  };
}
