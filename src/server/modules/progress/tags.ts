// The read cache's tags of progress and pledges (issue 10): a read lists every tag it depends on,
// a write announces only what it changed (`write(deps, [FIGURES_TAG], …)`).

/** Lines of effort, working groups and their offices. */
export const LINES_TAG = 'lines-of-effort';
/** Indicator definitions and their targets. */
export const INDICATORS_TAG = 'indicators';
/** Approved values and their rollups: every figure a dashboard shows. */
export const FIGURES_TAG = 'figures';
/** Reporting periods (their closing days). */
export const PERIODS_TAG = 'periods';
/** Pledges and their events. */
export const PLEDGES_TAG = 'pledges';
/** The FX table. */
export const FX_TAG = 'fx-rates';
