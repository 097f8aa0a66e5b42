import { DEFAULT_LANGUAGE } from '../../../shared/i18n.js';
import type { NotificationKind, NotificationParamsOf } from '../../../shared/notifications.js';
import type { Tx } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { activeFocalPointsOf, activeSecretariat } from '../users/users.repo.js';
import { insertNotifications, insertOutbox } from './notifications.repo.js';
import { renderMail } from './templates/index.js';

/** Whom a notice goes to: every focal point of these members, or the secretariat (its staff and the administrators). */
export type Recipients = { focalPointsOf: string[] } | { secretariat: true };

export interface Notice<K extends NotificationKind> {
  kind: K;
  params: NotificationParamsOf[K];
  to: Recipients;
  /** Also by mail, through the outbox (default true). */
  mail?: boolean;
}

/**
 * Tells users of something, inside the caller's transaction: a notification for each, and a mail
 * in each one's language written to the outbox, so that both exist exactly when the change they
 * tell of commits. Every module that notifies calls this. Returns how many users were told.
 */
export async function notify<K extends NotificationKind>(tx: Tx, clock: Clock, notice: Notice<K>): Promise<number> {
  const recipients =
    'secretariat' in notice.to ? await activeSecretariat(tx) : await activeFocalPointsOf(tx, notice.to.focalPointsOf);
  if (recipients.length === 0) return 0;
  const now = clock.sql();
  const created = await insertNotifications(
    tx,
    recipients.map((r) => ({
      userId: r.id,
      kind: notice.kind,
      params: notice.params as unknown as Record<string, unknown>,
      createdAt: now,
    })),
  );
  if (notice.mail !== false) {
    await insertOutbox(
      tx,
      created.map((n) => {
        const r = recipients.find((x) => x.id === n.userId) as (typeof recipients)[number];
        const language = r.language ?? DEFAULT_LANGUAGE;
        const mail = renderMail(notice.kind, language, notice.params);
        return { notificationId: n.id, recipient: r.email, language, ...mail, createdAt: now, nextAttemptAt: now };
      }),
    );
  }
  return created.length;
}
