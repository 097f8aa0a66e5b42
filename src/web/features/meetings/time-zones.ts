/** The zone a placeholder and a message give as an example: an IANA name, the same in every language. */
export const EXAMPLE_ZONE = 'Europe/Brussels';

/** Zones the coalition meets in most, offered as the time zone is typed; any IANA zone is accepted, and the server checks it. */
export const COMMON_ZONES = [
  'Europe/Brussels',
  'Europe/Paris',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Rome',
  'Europe/Amsterdam',
  'Europe/Copenhagen',
  'Europe/Istanbul',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Toronto',
  'Asia/Baghdad',
  'Asia/Riyadh',
  'Asia/Kuwait',
  'Asia/Bahrain',
  'Asia/Qatar',
  'Asia/Dubai',
  'Asia/Amman',
  'Asia/Beirut',
  'Africa/Cairo',
  'Africa/Casablanca',
  'Africa/Lagos',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Sydney',
  'UTC',
] as const;
