import { describe } from 'vitest';
import { eachCaller, users, type Who } from '../../test/roles.js';
import { canHaveNotifications, canReadNotification } from './notifications.policy.js';

const ownerOf = users.focal_point_of_member?.id as string;

describe('canHaveNotifications', () => {
  eachCaller(
    {
      anonymous: false,
      observer: true,
      focal_point_of_member: true,
      focal_point_of_other: true,
      secretariat: true,
      admin: true,
    },
    (who: Who) => canHaveNotifications(users[who]),
  );
});

describe("canReadNotification: a focal point's notification", () => {
  eachCaller(
    {
      anonymous: false,
      observer: false,
      focal_point_of_member: true,
      focal_point_of_other: false,
      secretariat: false,
      admin: false,
    },
    (who: Who) => canReadNotification(users[who], { userId: ownerOf }),
  );
});
