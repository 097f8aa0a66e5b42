#!/usr/bin/env node
// The `entente` command: the CLI built with the server (dist/server/cli.js), built first if its
// sources changed since the last build, so that no TypeScript is compiled at run time.
import { ensureBuilt } from '../scripts/build.mjs';

await ensureBuilt(['server'], { log: () => {} });
await import('../dist/server/cli.js');
