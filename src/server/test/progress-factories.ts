import { type LineOfEffortRow, linesOfEffort } from '../db/schema/progress.js';
import { type Ctx, next } from './factories.js';

/**
 * Factories for progress and pledges (issue 10), beside factories.ts and written the same way:
 * one valid record per call, unique per call, through the API where there is one.
 */

let lineNumber = 100;

/**
 * A line of effort with a fresh key. Lines of effort have no write API (the coalition's five come
 * with the demo seed, or an operator's migration), so this one is inserted; nothing reads them
 * through the read cache before a test makes them.
 */
export async function buildLineOfEffort(
  ctx: Ctx,
  overrides: Partial<Pick<LineOfEffortRow, 'key' | 'number' | 'names' | 'summary'>> = {},
): Promise<LineOfEffortRow> {
  lineNumber += 1;
  const token = next();
  const [row] = await ctx.database.db
    .insert(linesOfEffort)
    .values({
      key: `LOE${token}-test`,
      number: lineNumber * 1000 + Math.floor(Math.random() * 1000),
      names: { en: `Line of effort ${token}`, fr: `Axe d'effort ${token}`, ar: `محور الجهد ${token}` },
      summary: null,
      ...overrides,
    })
    .returning();
  return row;
}
