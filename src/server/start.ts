// What `npm start` runs (built into dist/server/start.js). Node's compile cache is turned on
// before anything else loads, so that a restart reads the server's compiled code from disk
// instead of compiling it again. On PGlite its worker starts opening the database next, beside
// the rest of the start (db/pglite-early.ts); then the server itself starts.
import module from 'node:module';

if (!process.env.NODE_DISABLE_COMPILE_CACHE) module.enableCompileCache?.();
(await import('./db/pglite-early.js')).openPgliteEarly(process.env);
await import('./main.js');
