/**
 * npm run bench:sync -- [--from-source] [options of scripts/bench-sync-run.ts]
 *
 * Bundles scripts/bench-sync-run.ts with the app's code and the workers it starts, as
 * scripts/build.mjs bundles the CLI (scripts/node-bundle.mjs), into dist/bench/, then runs that
 * bundle in a Node process of its own and passes its lines through. Users run bundles: run from
 * source, every thread that loads a .ts file pays for Node's type stripping (≈ 17 MB of RSS and
 * its CPU at load), which the app never does. `--from-source` runs the .ts instead (no build).
 *
 * To profile the measured process: `node --cpu-prof dist/bench/bench-sync.mjs …` after one run.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { NODE_ESM, WORKERS } from './node-bundle.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const fromSource = args.includes('--from-source');
const passed = args.filter((a) => a !== '--from-source');

let script = join(root, 'scripts', 'bench-sync-run.ts');
if (!fromSource) {
  const outdir = join(root, 'dist', 'bench');
  await build({
    ...NODE_ESM,
    absWorkingDir: root,
    logLevel: 'warning',
    entryPoints: { 'bench-sync': 'scripts/bench-sync-run.ts', ...WORKERS },
    outdir,
    // The peer it is compared with runs as npm installed it.
    external: [...(NODE_ESM.external ?? []), 'rss-parser'],
  });
  script = join(outdir, 'bench-sync.mjs');
}
const child = spawn(process.execPath, [script, ...passed], { stdio: 'inherit' });
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal === null ? 1 : 128);
});
