import type { Language } from '../../../../shared/i18n.js';
import type { NotificationKind, NotificationParamsOf } from '../../../../shared/notifications.js';
import { delegationInvited } from './delegation-invited.js';
import { procedureAdopted, procedureBroken, procedureCirculated, procedureReminder } from './procedure.js';
import type { MailTemplate, MailText } from './render.js';

/** Every kind's mail: a kind without a template here does not compile. */
const templates: { [K in NotificationKind]: MailTemplate<NotificationParamsOf[K]> } = {
  delegation_invited: delegationInvited,
  procedure_circulated: procedureCirculated,
  procedure_reminder: procedureReminder,
  procedure_adopted: procedureAdopted,
  procedure_broken: procedureBroken,
};

/** The mail for a notification, in the recipient's language. */
export function renderMail<K extends NotificationKind>(
  kind: K,
  language: Language,
  params: NotificationParamsOf[K],
): MailText {
  return templates[kind][language](params);
}
