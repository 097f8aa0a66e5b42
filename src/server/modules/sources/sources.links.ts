import { SourceSubject } from '../../../shared/sources.js';
import type { Auth } from '../../lib/auth-context.js';
import type { MeetingsService } from '../meetings/meetings.service.js';
import type { IndicatorsService } from '../progress/indicators.service.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { DecisionsService } from '../statements/decisions.service.js';
import type { StatementsService } from '../statements/statements.service.js';
import type { GuardedSubject, VisibleRecords } from './sources.service.js';

/** The modules whose records an entry links to: each says what a caller may see of its own. */
export interface LinkedModules {
  meetings: Pick<MeetingsService, 'listMeetings'>;
  statements: Pick<StatementsService, 'listStatements'>;
  decisions: Pick<DecisionsService, 'listDecisions'>;
  indicators: Pick<IndicatorsService, 'listIndicators'>;
  registry: Pick<RegistryService, 'listPeople'>;
}

/** What a caller may see of each subject, asked of its module (never decided here again). */
export function visibleRecordsFrom(modules: LinkedModules): VisibleRecords {
  const ids = (items: { id: string }[]) => new Set(items.map((i) => i.id));
  const of: Record<GuardedSubject, (auth: Auth) => Promise<ReadonlySet<string>>> = {
    [SourceSubject.enum.person]: async (auth) => ids((await modules.registry.listPeople(auth)).items),
    [SourceSubject.enum.meeting]: async (auth) => ids((await modules.meetings.listMeetings(auth, {})).items),
    [SourceSubject.enum.statement]: async (auth) => ids((await modules.statements.listStatements(auth, {})).items),
    [SourceSubject.enum.decision]: async (auth) => ids((await modules.decisions.listDecisions(auth, {})).items),
    [SourceSubject.enum.indicator]: async (auth) => ids((await modules.indicators.listIndicators(auth, {})).items),
  };
  return (auth, subject) => of[subject](auth);
}
