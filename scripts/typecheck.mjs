// Type-checks each layer against its own tsconfig (its own libs and types), then the root one
// (build scripts, tests, tool configuration). Exits non-zero on the first layer that fails.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = [
  'app/shared',
  'app/core',
  'app/main',
  'app/preload',
  'app/server',
  'app/cli',
  'renderer',
  '.',
];
let failed = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--pretty'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed += 1;
    console.error(`typecheck: ${project} failed`);
  }
}
if (failed > 0) process.exit(1);
console.log(`typecheck: ${projects.length} projects clean`);
