// Bundles every part of the app with esbuild into dist/:
//   dist/main/main.cjs        Electron main (electron and better-sqlite3 stay external)
//   dist/main/library.cjs     the library's utility process (SQLite, sync, scheduler, images)
//   dist/main/sync-worker.cjs, dist/cli/sync-worker.mjs
//                             the sync engine's worker thread, beside the library that starts it
//   dist/main/search-worker.cjs, dist/cli/search-worker.mjs
//                             the search index's worker thread, beside the bundle that starts it
//   dist/preload/preload.cjs  sandboxed preload: one self-contained file
//   dist/cli/cli.mjs          the `heitu` command and browser-mode server
//   dist/cli/library-worker.mjs  browser mode's library thread (reads; starts the writer)
//   dist/main/library-writer.cjs, dist/cli/library-writer.mjs
//                             the library's writer thread (SQLite writes, sync, scheduler)
//   dist/renderer/            the Lit renderer: index.html, styles.css, app.js
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_ALIAS, NODE_ESM, WORKERS } from './node-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

await rm(dist, { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'linked',
};

const SEARCH_WORKER = WORKERS['search-worker'];
const SYNC_WORKER = WORKERS['sync-worker'];
const LIBRARY_WRITER = 'app/core/host/library-writer.ts';

await Promise.all([
  build({
    ...common,
    // Each entry its own bundle; the search index's worker sits beside the bundle that starts it.
    // entry.cjs is the installed app's entry: the desktop app, or the CLI with --heitu-cli.
    entryPoints: {
      main: 'app/main/main.ts',
      entry: 'app/main/entry.ts',
      library: 'app/core/host/library-process.ts',
      'library-writer': LIBRARY_WRITER,
      'search-worker': SEARCH_WORKER,
      'sync-worker': SYNC_WORKER,
    },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    alias: NODE_ALIAS,
    // Core code is ESM and asks import.meta.url where it is (app/core/db/integrity.ts).
    define: { 'import.meta.url': '__heituImportMetaUrl' },
    banner: {
      js: "const __heituImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
    },
  }),
  build({
    ...common,
    entryPoints: ['app/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
  }),
  build({
    ...common,
    ...NODE_ESM,
    entryPoints: {
      cli: 'app/cli/cli.ts',
      'search-worker': SEARCH_WORKER,
      'library-worker': 'app/core/host/library-worker.ts',
      'library-writer': LIBRARY_WRITER,
      'sync-worker': SYNC_WORKER,
    },
    outdir: 'dist/cli',
  }),
  build({
    ...common,
    entryPoints: { app: 'renderer/src/main.ts' },
    // app.js, and OpenCC's dictionaries in a chunk loaded on demand (renderer/src/script/script-loader.ts).
    outdir: 'dist/renderer',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    format: 'esm',
    target: 'chrome140',
    // Always minified: less for Chromium to parse before the first list (source maps stay).
    minify: true,
    tsconfig: 'renderer/tsconfig.json',
  }),
]);

await mkdir(join(dist, 'renderer'), { recursive: true });
await Promise.all([
  ...['index.html', 'styles.css'].map((f) =>
    copyFile(join(root, 'renderer', f), join(dist, 'renderer', f)),
  ),
  // The app's one icon source, which scripts/make-icons.mjs renders for the installers.
  copyFile(join(root, 'build', 'icon.svg'), join(dist, 'renderer', 'icon.svg')),
]);
console.log('built dist/{main,preload,cli,renderer}');
