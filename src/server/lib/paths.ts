import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder (the one with package.json), found upwards from this file: the same
 * answer whether the server runs from its sources (tests, `npm run dev`) or from its build in
 * dist/server, whose folders are not as deep.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `fromProject('drizzle')`. */
export const fromProject = (...parts: string[]): string => join(projectRoot, ...parts);
