import type { Language } from '../../../shared/i18n.js';

/** The site's name: every page's title ends with it, and link previews name the site with it. */
export const SITE_NAME = 'Entente';

/** The pages whose head is the same for every record: list pages and the home. */
export type ListPage =
  | 'home'
  | 'members'
  | 'meetings'
  | 'statements'
  | 'decisions'
  | 'linesOfEffort'
  | 'pledges'
  | 'sources'
  | 'openData'
  | 'search';

interface Catalog {
  /** What the whole site is: the description of the home, and of any page that says nothing of its own. */
  siteDescription: string;
  lists: Record<ListPage, { title: string; description: string }>;
  memberSince: string;
  member: string;
  meetingOn: string;
  meetingIn: string;
  statementAdopted: string;
  statement: string;
  lineOfEffort: string;
  indicator: string;
  pledgeTitle: string;
  pledge: string;
}

/**
 * The words of link previews, in the interface's three languages: the server writes them into the
 * page's head before any script runs, so they cannot come from the web app's catalogs (loaded by
 * the browser). `{{name}}` marks a value; values are escaped when the head is written.
 */
export const headCatalog: Record<Language, Catalog> = {
  en: {
    siteDescription:
      'The members of the coalition, its meetings, the joint statements it adopted, its progress and pledges: public records, open data.',
    lists: {
      home: { title: SITE_NAME, description: '' },
      members: {
        title: 'Members',
        description: 'The states and organisations of the coalition, and when they joined.',
      },
      meetings: { title: 'Meetings', description: 'The meetings of the coalition: when, where, who attended.' },
      statements: { title: 'Statements', description: 'The joint statements of the coalition, as adopted.' },
      decisions: { title: 'Decisions', description: 'The register of the decisions of the coalition, by number.' },
      linesOfEffort: { title: 'Lines of effort', description: 'How the coalition splits its work, and its progress.' },
      pledges: { title: 'Pledges', description: 'What the members of the coalition pledged, committed and disbursed.' },
      sources: { title: 'Sources and press', description: 'The sources of the public records, and the press.' },
      openData: {
        title: 'Open data',
        description: 'Every public record of the coalition, to download as CSV or JSON.',
      },
      search: { title: 'Search', description: 'Search the public records of the coalition.' },
    },
    memberSince: '{{name}}, member of the coalition since {{date}}.',
    member: '{{name}}, member of the coalition.',
    meetingOn: 'Meeting of the coalition, {{date}}.',
    meetingIn: 'Meeting of the coalition, {{city}}, {{date}}.',
    statementAdopted: 'Statement of the coalition, adopted on {{date}}.',
    statement: 'Statement of the coalition.',
    lineOfEffort: 'Line of effort {{number}} of the coalition: its working groups, indicators and pledges.',
    indicator: '{{name}}: the approved figures of the coalition’s members.',
    pledgeTitle: 'Pledge of {{member}}',
    pledge: 'A pledge of {{member}} to the coalition, and what became of it.',
  },
  fr: {
    siteDescription:
      'Les membres de la coalition, ses réunions, les déclarations communes qu’elle a adoptées, ses progrès et ses contributions : des données publiques et ouvertes.',
    lists: {
      home: { title: SITE_NAME, description: '' },
      members: {
        title: 'Membres',
        description: 'Les États et organisations de la coalition, et la date de leur adhésion.',
      },
      meetings: { title: 'Réunions', description: 'Les réunions de la coalition : quand, où, qui y a participé.' },
      statements: {
        title: 'Déclarations',
        description: 'Les déclarations communes de la coalition, telles qu’adoptées.',
      },
      decisions: { title: 'Décisions', description: 'Le registre des décisions de la coalition, par numéro.' },
      linesOfEffort: {
        title: 'Axes d’effort',
        description: 'Comment la coalition répartit son travail, et ses progrès.',
      },
      pledges: {
        title: 'Contributions',
        description: 'Ce que les membres de la coalition ont promis, engagé et versé.',
      },
      sources: { title: 'Sources et presse', description: 'Les sources des données publiques, et la presse.' },
      openData: {
        title: 'Données ouvertes',
        description: 'Toutes les données publiques de la coalition, à télécharger en CSV ou JSON.',
      },
      search: { title: 'Recherche', description: 'Chercher dans les données publiques de la coalition.' },
    },
    memberSince: '{{name}}, membre de la coalition depuis le {{date}}.',
    member: '{{name}}, membre de la coalition.',
    meetingOn: 'Réunion de la coalition, {{date}}.',
    meetingIn: 'Réunion de la coalition, {{city}}, {{date}}.',
    statementAdopted: 'Déclaration de la coalition, adoptée le {{date}}.',
    statement: 'Déclaration de la coalition.',
    lineOfEffort:
      'Axe d’effort {{number}} de la coalition : ses groupes de travail, ses indicateurs et ses contributions.',
    indicator: '{{name}} : les chiffres approuvés des membres de la coalition.',
    pledgeTitle: 'Contribution de {{member}}',
    pledge: 'Une contribution de {{member}} à la coalition, et ce qu’il en est advenu.',
  },
  ar: {
    siteDescription:
      'أعضاء التحالف واجتماعاته والبيانات المشتركة التي اعتمدها وتقدّمه وتعهداته: سجلات عامة وبيانات مفتوحة.',
    lists: {
      home: { title: SITE_NAME, description: '' },
      members: { title: 'الأعضاء', description: 'دول التحالف ومنظماته، وتاريخ انضمام كل منها.' },
      meetings: { title: 'الاجتماعات', description: 'اجتماعات التحالف: متى وأين ومن حضرها.' },
      statements: { title: 'البيانات', description: 'البيانات المشتركة للتحالف كما اعتُمدت.' },
      decisions: { title: 'القرارات', description: 'سجل قرارات التحالف، مرتبة بأرقامها.' },
      linesOfEffort: { title: 'مسارات العمل', description: 'كيف يوزّع التحالف عمله، وما أحرزه من تقدّم.' },
      pledges: { title: 'التعهدات', description: 'ما تعهّد به أعضاء التحالف وما التزموا به وما صرفوه.' },
      sources: { title: 'المصادر والصحافة', description: 'مصادر السجلات العامة، والصحافة.' },
      openData: {
        title: 'البيانات المفتوحة',
        description: 'كل السجلات العامة للتحالف، للتنزيل بصيغة CSV أو JSON.',
      },
      search: { title: 'البحث', description: 'البحث في السجلات العامة للتحالف.' },
    },
    memberSince: '{{name}}، عضو في التحالف منذ {{date}}.',
    member: '{{name}}، عضو في التحالف.',
    meetingOn: 'اجتماع للتحالف، {{date}}.',
    meetingIn: 'اجتماع للتحالف، {{city}}، {{date}}.',
    statementAdopted: 'بيان للتحالف، اعتُمد في {{date}}.',
    statement: 'بيان للتحالف.',
    lineOfEffort: 'مسار العمل {{number}} للتحالف: أفرقة العمل والمؤشرات والتعهدات.',
    indicator: '{{name}}: الأرقام المعتمدة لأعضاء التحالف.',
    pledgeTitle: 'تعهد {{member}}',
    pledge: 'تعهد من {{member}} للتحالف، وما آل إليه.',
  },
};

/** A sentence of the catalog with its values put in (not escaped: the head's writer escapes). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
