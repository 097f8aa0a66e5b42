// Builds what `npm start` runs, and only what changed since the last build:
//   web     the React app, by Vite, into dist/web (assets precompressed: see vite.config.ts)
//   server  the server and the `entente` command, bundled by esbuild into dist/server, so that
//           no TypeScript is compiled when the server starts
// Each target's hash of its inputs is kept in dist/.build/ (out of the folder the server
// serves); when it is the same and the output is there, the target is not built again.
//
//   node scripts/build.mjs [web] [server] [--force]      (no target: both)
//
// Plain JavaScript on purpose: it runs before anything is compiled.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Files under `paths` (files or folders), tests left out: they do not change what is built. */
function inputFiles(paths) {
  const files = [];
  const walk = (path) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full)) walk(join(path, name));
    } else if (!/\.test\.tsx?$/.test(path)) {
      files.push(path);
    }
  };
  for (const path of paths) walk(path);
  return files.sort();
}

function hashOf(paths) {
  const hash = createHash('sha256');
  for (const file of inputFiles(paths))
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

const targets = {
  web: {
    out: 'dist/web',
    marker: 'dist/web/index.html',
    inputs: ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json', 'scripts/build.mjs'],
    async build() {
      const { build } = await import('vite');
      await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
    },
  },
  server: {
    out: 'dist/server',
    marker: 'dist/server/start.js',
    inputs: ['src/server', 'src/shared', 'src/cli', 'package-lock.json', 'scripts/build.mjs'],
    async build() {
      const esbuild = await import('esbuild');
      rmSync(join(root, 'dist/server'), { recursive: true, force: true });
      await esbuild.build({
        absWorkingDir: root,
        // start.ts turns on Node's compile cache before the rest loads; main and cli are the programs.
        entryPoints: {
          start: 'src/server/start.ts',
          main: 'src/server/main.ts',
          cli: 'src/cli/entente.ts',
          'pglite-worker': 'src/server/db/pglite-worker.ts',
        },
        outdir: 'dist/server',
        bundle: true,
        splitting: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        // Dependencies are bundled too: resolving and loading drizzle-orm's 450 files one by one
        // took longer than the rest of the start-up. Left out: what finds files beside itself
        // at run time (PGlite's WebAssembly, argon2's native module, pino's
        // transports) and optional modules pg asks for by name.
        external: ['@electric-sql/pglite', '@node-rs/argon2', 'pino', 'pg-native'],
        // Bundled CommonJS calls require(): give the ES module one.
        banner: {
          js: "import { createRequire as __entente_require } from 'node:module'; const require = __entente_require(import.meta.url);",
        },
        logLevel: 'warning',
      });
    },
  },
};

/** Builds each named target that is out of date (or all of them with `force`). */
export async function ensureBuilt(names = Object.keys(targets), { force = false, log = console.log } = {}) {
  for (const name of names) {
    const target = targets[name];
    if (!target) throw new Error(`build: unknown target "${name}" (web, server)`);
    const stamp = join(root, 'dist/.build', `${name}.hash`);
    const hash = hashOf(target.inputs);
    if (!force && existsSync(join(root, target.marker)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
      log(`${name}: up to date (${target.out})`);
      continue;
    }
    const started = performance.now();
    rmSync(stamp, { force: true });
    await target.build();
    mkdirSync(dirname(stamp), { recursive: true });
    writeFileSync(stamp, hash);
    log(`${name}: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  await ensureBuilt(
    args.filter((a) => !a.startsWith('--')).length ? args.filter((a) => !a.startsWith('--')) : undefined,
    {
      force: args.includes('--force'),
    },
  );
}
