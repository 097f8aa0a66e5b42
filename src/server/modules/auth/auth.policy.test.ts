import { describe } from 'vitest';
import { eachCaller, users, type Who } from '../../test/roles.js';
import { canChooseOwnLanguage, canManageOwnCalendarLink, canManageOwnSessions } from './auth.policy.js';

describe('canManageOwnSessions', () => {
  const manages: Record<Who, boolean> = {
    anonymous: false,
    observer: true,
    focal_point_of_member: true,
    focal_point_of_other: true,
    secretariat: true,
    admin: true,
  };
  eachCaller(manages, (who) => canManageOwnSessions(users[who]));
});

describe('canChooseOwnLanguage', () => {
  const chooses: Record<Who, boolean> = {
    anonymous: false,
    observer: true,
    focal_point_of_member: true,
    focal_point_of_other: true,
    secretariat: true,
    admin: true,
  };
  eachCaller(chooses, (who) => canChooseOwnLanguage(users[who]));
});

describe('canManageOwnCalendarLink', () => {
  const manages: Record<Who, boolean> = {
    anonymous: false,
    observer: true,
    focal_point_of_member: true,
    focal_point_of_other: true,
    secretariat: true,
    admin: true,
  };
  eachCaller(manages, (who) => canManageOwnCalendarLink(users[who]));
});
