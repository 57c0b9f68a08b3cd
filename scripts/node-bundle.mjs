// esbuild options for the ES-module bundles Node runs (the CLI, browser mode, their workers), shared
// by scripts/build.mjs and scripts/bench-sync.ts so that the benchmark runs what users run.
/** Modules the Node bundles replace (see each stand-in for why). */
export const NODE_ALIAS = { postcss: './scripts/postcss-stub.cjs' };

/** @type {import('esbuild').BuildOptions} */
export const NODE_ESM = {
  bundle: true,
  alias: NODE_ALIAS,
  platform: 'node',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // Bundled CommonJS dependencies (sanitize-html) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __heituRequire } from 'node:module'; const require = __heituRequire(import.meta.url);",
  },
  target: 'node22',
  external: ['better-sqlite3'],
};

/** The workers a bundle that opens a library starts: each must sit beside that bundle. */
export const WORKERS = {
  'search-worker': 'app/core/db/search-worker.ts',
  'sync-worker': 'app/core/sync/sync-worker.ts',
};
