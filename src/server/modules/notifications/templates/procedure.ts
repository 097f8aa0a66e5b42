import type { Language } from '../../../../shared/i18n.js';
import { formattingLocale } from '../../../../shared/i18n.js';
import type { ProcedureNoticeParams } from '../../../../shared/notifications.js';
import type { MailTemplate } from './render.js';

/** The statement's title in the reader's language where a translation exists, else the original. */
const titleOf = (language: Language, p: ProcedureNoticeParams): string =>
  p.translations[language]?.title ?? p.statementTitle;

/** "5 December 2014 at 17:00 CET", in the procedure's zone. */
const deadlineIn = (language: Language, p: ProcedureNoticeParams): string =>
  new Intl.DateTimeFormat(formattingLocale[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: p.timeZone,
  }).format(new Date(p.deadline)) + ` (${p.timeZone})`;

const procedureName: Record<Language, Record<ProcedureNoticeParams['procedureKind'], string>> = {
  en: { silence: 'silence procedure', endorsement: 'call for endorsement' },
  fr: { silence: 'procédure de silence', endorsement: 'appel à soutien' },
  ar: { silence: 'إجراء الصمت', endorsement: 'دعوة إلى التأييد' },
};

const signIn: Record<Language, string> = {
  en: 'Sign in to Entente and open your desk to see the text.',
  fr: 'Connectez-vous à Entente et ouvrez votre bureau pour voir le texte.',
  ar: 'سجّلوا الدخول إلى Entente وافتحوا مكتبكم للاطلاع على النص.',
};

/** To each focal point of a circulated member. */
export const procedureCirculated: MailTemplate<ProcedureNoticeParams> = {
  en: (p) => ({
    subject: `For your ${procedureName.en[p.procedureKind]}: ${titleOf('en', p)}`,
    body: [
      `"${titleOf('en', p)}" is circulated to ${p.memberCode ?? 'your member'} under a ${procedureName.en[p.procedureKind]}.`,
      p.procedureKind === 'silence'
        ? `It is adopted on ${deadlineIn('en', p)} unless a member breaks silence before then.`
        : `Members may endorse it until ${deadlineIn('en', p)}.`,
      '',
      signIn.en,
    ].join('\n'),
  }),
  fr: (p) => ({
    subject: `${procedureName.fr[p.procedureKind]} : ${titleOf('fr', p)}`,
    body: [
      `« ${titleOf('fr', p)} » est diffusé à ${p.memberCode ?? 'votre membre'} (${procedureName.fr[p.procedureKind]}).`,
      p.procedureKind === 'silence'
        ? `Il sera adopté le ${deadlineIn('fr', p)} à moins qu'un membre ne rompe le silence d'ici là.`
        : `Les membres peuvent le soutenir jusqu'au ${deadlineIn('fr', p)}.`,
      '',
      signIn.fr,
    ].join('\n'),
  }),
  ar: (p) => ({
    subject: `${procedureName.ar[p.procedureKind]}: ${titleOf('ar', p)}`,
    body: [
      `عُمِّم «${titleOf('ar', p)}» على ${p.memberCode ?? 'عضوكم'} (${procedureName.ar[p.procedureKind]}).`,
      p.procedureKind === 'silence'
        ? `يُعتمد في ${deadlineIn('ar', p)} ما لم يكسر أحد الأعضاء الصمت قبل ذلك.`
        : `يمكن للأعضاء تأييده حتى ${deadlineIn('ar', p)}.`,
      '',
      signIn.ar,
    ].join('\n'),
  }),
};

/** 48 h and 6 h before the deadline, to the focal points of members that have not acted. */
export const procedureReminder: MailTemplate<ProcedureNoticeParams> = {
  en: (p) => ({
    subject: `${p.hoursLeft ?? ''} hours left: ${titleOf('en', p)}`,
    body: [
      `The ${procedureName.en[p.procedureKind]} on "${titleOf('en', p)}" ends on ${deadlineIn('en', p)}.`,
      '',
      signIn.en,
    ].join('\n'),
  }),
  fr: (p) => ({
    subject: `Plus que ${p.hoursLeft ?? ''} heures : ${titleOf('fr', p)}`,
    body: [
      `La ${procedureName.fr[p.procedureKind]} sur « ${titleOf('fr', p)} » prend fin le ${deadlineIn('fr', p)}.`,
      '',
      signIn.fr,
    ].join('\n'),
  }),
  ar: (p) => ({
    subject: `بقيت ${p.hoursLeft ?? ''} ساعة: ${titleOf('ar', p)}`,
    body: [
      `ينتهي ${procedureName.ar[p.procedureKind]} بشأن «${titleOf('ar', p)}» في ${deadlineIn('ar', p)}.`,
      '',
      signIn.ar,
    ].join('\n'),
  }),
};

/** To the secretariat, when a procedure ends in adoption. */
export const procedureAdopted: MailTemplate<ProcedureNoticeParams> = {
  en: (p) => ({
    subject: `Adopted: ${titleOf('en', p)}`,
    body: `"${titleOf('en', p)}" was adopted at the end of its ${procedureName.en[p.procedureKind]} (${deadlineIn('en', p)}): decision ${p.decisionNumber ?? ''}.`,
  }),
  fr: (p) => ({
    subject: `Adopté : ${titleOf('fr', p)}`,
    body: `« ${titleOf('fr', p)} » a été adopté au terme de sa ${procedureName.fr[p.procedureKind]} (${deadlineIn('fr', p)}) : décision ${p.decisionNumber ?? ''}.`,
  }),
  ar: (p) => ({
    subject: `اعتُمد: ${titleOf('ar', p)}`,
    body: `اعتُمد «${titleOf('ar', p)}» في ختام ${procedureName.ar[p.procedureKind]} (${deadlineIn('ar', p)}): القرار ${p.decisionNumber ?? ''}.`,
  }),
};

/** To the secretariat, when a member breaks silence. */
export const procedureBroken: MailTemplate<ProcedureNoticeParams> = {
  en: (p) => ({
    subject: `Silence broken: ${titleOf('en', p)}`,
    body: `${p.memberCode ?? 'A member'} broke silence on "${titleOf('en', p)}". The statement is a draft again: prepare a new version and circulate it.`,
  }),
  fr: (p) => ({
    subject: `Silence rompu : ${titleOf('fr', p)}`,
    body: `${p.memberCode ?? 'Un membre'} a rompu le silence sur « ${titleOf('fr', p)} ». La déclaration redevient un projet : préparez une nouvelle version et diffusez-la.`,
  }),
  ar: (p) => ({
    subject: `كُسر الصمت: ${titleOf('ar', p)}`,
    body: `كسر ${p.memberCode ?? 'أحد الأعضاء'} الصمت بشأن «${titleOf('ar', p)}». عاد البيان مشروعًا: أعدّوا نسخة جديدة وعمّموها.`,
  }),
};
