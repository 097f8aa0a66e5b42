// The English catalogs are the keys' source of truth: `t('nav.home')` with a key no catalog has
// is a type error, and so is a dynamic key whose values are not all in it.
import type auth from '../locales/en/auth.json';
import type common from '../locales/en/common.json';
import type desk from '../locales/en/desk.json';
import type enums from '../locales/en/enums.json';
import type forms from '../locales/en/forms.json';
import type home from '../locales/en/home.json';
import type imports from '../locales/en/imports.json';
import type meetingForms from '../locales/en/meetingForms.json';
import type meetings from '../locales/en/meetings.json';
import type members from '../locales/en/members.json';
import type openData from '../locales/en/openData.json';
import type pledges from '../locales/en/pledges.json';
import type progress from '../locales/en/progress.json';
import type reporting from '../locales/en/reporting.json';
import type search from '../locales/en/search.json';
import type secretariat from '../locales/en/secretariat.json';
import type sources from '../locales/en/sources.json';
import type statements from '../locales/en/statements.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      auth: typeof auth;
      common: typeof common;
      desk: typeof desk;
      enums: typeof enums;
      forms: typeof forms;
      home: typeof home;
      meetingForms: typeof meetingForms;
      meetings: typeof meetings;
      members: typeof members;
      secretariat: typeof secretariat;
      statements: typeof statements;
      progress: typeof progress;
      reporting: typeof reporting;
      pledges: typeof pledges;
      imports: typeof imports;
      openData: typeof openData;
      search: typeof search;
      sources: typeof sources;
    };
    returnNull: false;
  }
}
