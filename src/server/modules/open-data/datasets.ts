import { OPEN_DATASETS } from '../../../shared/enums.js';
import type { OpenDataset } from '../../../shared/open-data.js';
import type { Read } from '../../db/client.js';
import { delegationsDataset } from '../meetings/delegations.dataset.js';
import { meetingsDataset } from '../meetings/meetings.dataset.js';
import type { MeetingsService } from '../meetings/meetings.service.js';
import { membersDataset } from '../members/members.dataset.js';
import type { MembersService } from '../members/members.service.js';
import { pledgesDataset } from '../pledges/pledges.dataset.js';
import type { PledgesService } from '../pledges/pledges.service.js';
import { indicatorValuesDataset } from '../progress/indicator-values.dataset.js';
import type { IndicatorsService } from '../progress/indicators.service.js';
import { decisionsDataset } from '../statements/decisions.dataset.js';
import type { DecisionsService } from '../statements/decisions.service.js';
import { statementsDataset } from '../statements/statements.dataset.js';
import type { StatementsService } from '../statements/statements.service.js';
import type { Dataset } from './dataset.js';

/** What the datasets read through: each owning module's service (or repo, for the paged ones). */
export interface DatasetDeps {
  read: Read;
  members: MembersService;
  meetings: MeetingsService;
  statements: StatementsService;
  decisions: DecisionsService;
  indicators: IndicatorsService;
  pledges: PledgesService;
  /** The sources module's own dataset (it reads its tables in pages). */
  sources: Dataset;
}

/** Every dataset of the open data, in the catalog's order (OPEN_DATASETS'). */
export function createDatasets(deps: DatasetDeps): Dataset[] {
  const datasets: Dataset[] = [
    membersDataset(deps.members),
    meetingsDataset(deps.meetings),
    delegationsDataset(deps.meetings),
    statementsDataset(deps.statements),
    decisionsDataset(deps.decisions),
    indicatorValuesDataset({ read: deps.read, indicators: deps.indicators }),
    pledgesDataset(deps.pledges),
    deps.sources,
  ];
  const order = (name: OpenDataset) => OPEN_DATASETS.indexOf(name);
  return datasets.sort((a, b) => order(a.name) - order(b.name));
}
