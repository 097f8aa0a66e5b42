import type { DelegationInvitedParams } from '../../../../shared/notifications.js';
import { dateSpan, longDate, type MailTemplate, titleIn } from './render.js';

/** The mail to a focal point whose member was invited to a meeting. */
export const delegationInvited: MailTemplate<DelegationInvitedParams> = {
  en: (p) => {
    const title = titleIn('en', p.meetingTitle, p.titleTranslations);
    return {
      subject: `Invitation: ${title}`,
      body: [
        `${p.memberCode} is invited to "${title}" (${dateSpan('en', p.startDate, p.endDate)}).`,
        '',
        p.deadline
          ? `Please name your delegation by ${longDate('en', p.deadline.slice(0, 10))}.`
          : 'Please name your delegation: the head, the level of representation, alternates and advisers.',
        'Sign in to Entente and open your desk to do so.',
      ].join('\n'),
    };
  },
  fr: (p) => {
    const title = titleIn('fr', p.meetingTitle, p.titleTranslations);
    return {
      subject: `Invitation : ${title}`,
      body: [
        `${p.memberCode} est invité à « ${title} » (${dateSpan('fr', p.startDate, p.endDate)}).`,
        '',
        p.deadline
          ? `Merci de désigner votre délégation avant le ${longDate('fr', p.deadline.slice(0, 10))}.`
          : 'Merci de désigner votre délégation : le chef, le niveau de représentation, les suppléants et les conseillers.',
        'Connectez-vous à Entente et ouvrez votre bureau pour le faire.',
      ].join('\n'),
    };
  },
  ar: (p) => {
    const title = titleIn('ar', p.meetingTitle, p.titleTranslations);
    return {
      subject: `دعوة: ${title}`,
      body: [
        `${p.memberCode} مدعو إلى «${title}» (${dateSpan('ar', p.startDate, p.endDate)}).`,
        '',
        p.deadline
          ? `يرجى تسمية وفدكم قبل ${longDate('ar', p.deadline.slice(0, 10))}.`
          : 'يرجى تسمية وفدكم: رئيس الوفد ومستوى التمثيل والمناوبين والمستشارين.',
        'سجّلوا الدخول إلى Entente وافتحوا مكتبكم للقيام بذلك.',
      ].join('\n'),
    };
  },
};
