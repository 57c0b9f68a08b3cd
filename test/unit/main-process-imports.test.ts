/**
 * The desktop app's main process answers windows, menus and dialogs; it must never wait on SQLite.
 * Bundling main as the build does, with esbuild's list of what went in, proves that nothing it
 * imports opens the library: no repository, no NewsService, no better-sqlite3, no sync engine.
 * The library's process (library-process.ts) is the one that holds them.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    // As the build does; an external import still shows in the metafile's imports.
    external: ['electron', 'better-sqlite3'],
    define: { 'import.meta.url': '""' },
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const externals = Object.values(result.metafile.inputs).flatMap((i) =>
    i.imports.filter((imp) => imp.external === true).map((imp) => imp.path),
  );
  return [...inputs, ...externals];
}

const OPENS_THE_LIBRARY = [
  /app\/core\/news-service\.ts$/,
  /app\/core\/db\//,
  /app\/core\/sync\/(engine|sync-controller|sync-thread|scheduler)\.ts$/,
  /^better-sqlite3$/,
  /app\/core\/host\/library-host\.ts$/,
];

test('main imports nothing that opens the library', async () => {
  const inputs = await inputsOf('app/main/main.ts');
  assert.ok(
    inputs.some((i) => i.endsWith('app/main/library.ts')),
    'the probe sees main’s imports',
  );
  const offending = inputs.filter((i) => OPENS_THE_LIBRARY.some((p) => p.test(i)));
  assert.deepEqual(offending, []);
});

test('the library process holds what main does not', async () => {
  const inputs = await inputsOf('app/core/host/library-process.ts');
  for (const pattern of OPENS_THE_LIBRARY) {
    assert.ok(
      inputs.some((i) => pattern.test(i)),
      `library-process.ts reaches ${String(pattern)}`,
    );
  }
});
