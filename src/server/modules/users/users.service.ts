import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Email, Role } from '../../../shared/auth.js';
import { MemberCode } from '../../../shared/members.js';
import { Text } from '../../../shared/text.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, fieldError, invalid, unknownMember } from '../../lib/errors.js';
import { fieldErrorsOf } from '../../lib/field-errors.js';
import { hashPassword } from '../auth/auth.service.js';
import { memberIdsByCode } from '../members/members.repo.js';
import { canCreateUsers } from './users.policy.js';
import { countUsers, insertUser } from './users.repo.js';

export const CreateUserInput = z.object({
  email: Email,
  name: Text.trim().min(1, 'is required').max(200),
  role: Role,
  member: MemberCode.optional(),
  password: z.string().min(12, 'must be at least 12 characters').max(1024),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

/** A password people can type from a printout: 20 characters of base64url (120 bits). */
export const generatePassword = () => randomBytes(15).toString('base64url');

/**
 * Users are created by operators (CLI, first start); the web app has no user administration yet.
 * `auth` is the system or the operator's context, recorded in the audit event.
 */
export function createUsersService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async createUser(auth: Auth, input: CreateUserInput) {
      if (!canCreateUsers(auth)) throw new AppError('forbidden', 'Only an administrator can create users.');
      const parsed = CreateUserInput.safeParse(input);
      if (!parsed.success) {
        throw invalid(fieldErrorsOf(parsed.error.issues, 'body', input));
      }
      const { email, name, role, member, password } = parsed.data;
      if ((role === Role.enum.focal_point) !== (member !== undefined)) {
        throw invalid([
          fieldError('member', 'member_for_focal_point_only', 'a focal point needs a member; other roles take none'),
        ]);
      }
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => {
        const memberId = member ? (await memberIdsByCode(tx, [member])).get(member) : null;
        if (member && !memberId) throw invalid([unknownMember('member', member)]);
        const user = await insertUser(tx, { email, name, role, memberId: memberId ?? null, passwordHash });
        if (!user) {
          throw new AppError('conflict', `A user with email ${email} already exists.`, {
            reason: 'user_email_taken',
            params: { email },
          });
        }
        await recordAudit(tx, auth, { action: 'user.created', entityType: 'user', entityId: user.id, after: user });
        return user;
      });
    },

    /** On a database with no users at all: creates an admin with a random password, returned once. */
    async ensureFirstAdmin(auth: Auth): Promise<{ email: string; password: string } | null> {
      if ((await countUsers(db)) > 0) return null;
      const password = generatePassword();
      const email = 'admin@entente.local';
      await this.createUser(auth, { email, name: 'Secretariat administrator', role: Role.enum.admin, password });
      return { email, password };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
