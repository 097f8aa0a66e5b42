import { ATTENDANCE_STATUSES, REPRESENTATION_LEVELS } from '../../../shared/enums.js';
import { MEMBERS_TAG } from '../members/members.service.js';
import type { Dataset } from '../open-data/dataset.js';
import { MEETINGS_TAG } from './meeting-loader.js';
import type { MeetingsService } from './meetings.service.js';

/** The delegations of the public meetings: a meeting at a time, each in protocol order as its page shows it. */
export function delegationsDataset(meetings: Pick<MeetingsService, 'listMeetings' | 'getMeeting'>): Dataset {
  return {
    name: 'delegations',
    description:
      'Who came to each public meeting: a row per member invited, with its head of delegation, level of representation and attendance.',
    api: '/api/v1/meetings/{id}',
    tags: [MEETINGS_TAG, MEMBERS_TAG],
    columns: [
      { name: 'meeting_id', type: 'string', description: 'The meeting (UUID), a row of the meetings dataset.' },
      {
        name: 'position',
        type: 'integer',
        description: 'The delegation’s place in the meeting’s protocol order, from 1.',
      },
      { name: 'member_code', type: 'string', description: 'The member’s code.' },
      { name: 'member_name', type: 'string', description: 'The member’s short name in English.' },
      { name: 'head_of_delegation', type: 'string', description: 'The head of delegation’s name, when known.' },
      {
        name: 'level',
        type: 'string',
        description: `Level of representation, when known: ${REPRESENTATION_LEVELS.join(', ')}.`,
      },
      {
        name: 'delegates',
        type: 'integer',
        description: 'How many named delegates the public record lists, the head included.',
      },
      { name: 'attendance', type: 'string', description: `Attendance as recorded: ${ATTENDANCE_STATUSES.join(', ')}.` },
      {
        name: 'attendance_note',
        type: 'string',
        description: 'What the sources say when attendance is inferred rather than confirmed.',
      },
    ],
    async *rows(auth) {
      for (const summary of (await meetings.listMeetings(auth, {})).items) {
        // One meeting page at a time (from the read cache): never every delegation at once.
        const meeting = await meetings.getMeeting(auth, summary.id);
        let position = 0;
        for (const d of meeting.delegations) {
          position += 1;
          yield {
            meeting_id: meeting.id,
            position,
            member_code: d.memberCode,
            member_name: d.memberNames.en,
            head_of_delegation: d.head?.name ?? null,
            level: d.level,
            delegates: d.delegates.length,
            attendance: d.attendance,
            attendance_note: d.attendanceNote,
          };
        }
      }
    },
  };
}
