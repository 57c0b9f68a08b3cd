/**
 * The GitHub workflows, parsed: CI runs every check on the three platforms and the Electron smoke
 * test in a job of its own; a version tag builds and publishes installers on each platform's own
 * runner, signed when the secrets are there.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';

interface Step {
  readonly run?: string;
  readonly uses?: string;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly 'runs-on': string;
  readonly needs?: string;
  readonly strategy?: { matrix: { os: string[] } };
  readonly steps: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const root = join(import.meta.dirname, '..', '..');
const workflow = (name: string): Workflow =>
  load(readFileSync(join(root, '.github', 'workflows', name), 'utf8')) as Workflow;
const PLATFORMS = ['ubuntu-latest', 'windows-latest', 'macos-latest'];
const runs = (job: Job): string => job.steps.map((s) => s.run ?? '').join('\n');
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

test('CI type-checks, lints and runs the unit and browser tests on Linux, Windows and macOS', () => {
  const ci = workflow('ci.yml');
  assert.ok('push' in ci.on && 'pull_request' in ci.on);
  const checks = ci.jobs.checks!;
  assert.deepEqual(checks.strategy?.matrix.os, PLATFORMS);
  const commands = runs(checks);
  for (const command of [
    'npm ci',
    'npm run typecheck',
    'npm run lint',
    'npm run test:unit',
    'npm run test:e2e',
  ]) {
    assert.ok(commands.includes(command), command);
  }
  assert.match(commands, /HEITU_CHROMIUM=/);
});

test('CI runs the Electron smoke test on each platform (under a virtual display on Linux)', () => {
  const electron = workflow('ci.yml').jobs.electron!;
  assert.deepEqual(electron.strategy?.matrix.os, PLATFORMS);
  assert.match(runs(electron), /xvfb-run -a npm run test:electron/);
  assert.match(scripts.scripts['test:electron']!, /-c playwright\.electron\.config\.ts/);
  // npm test's Playwright project is test/e2e only.
  assert.doesNotMatch(scripts.scripts['test:e2e']!, /electron/);
});

test('a version tag builds and publishes installers on each platform’s runner, then the release', () => {
  const release = workflow('release.yml');
  assert.deepEqual(release.on, { push: { tags: ['v*.*.*'] } });
  assert.equal(release.permissions.contents, 'write');
  const build = release.jobs.build!;
  assert.deepEqual(build.strategy?.matrix.os, PLATFORMS);
  assert.match(runs(build), /npx electron-builder --publish always/);
  const env = build.steps.find((s) => s.run?.includes('electron-builder'))?.env ?? {};
  for (const secret of [
    'GH_TOKEN',
    'CSC_LINK',
    'CSC_KEY_PASSWORD',
    'APPLE_ID',
    'APPLE_APP_SPECIFIC_PASSWORD',
    'APPLE_TEAM_ID',
    'WIN_CSC_LINK',
    'WIN_CSC_KEY_PASSWORD',
  ]) {
    assert.match(env[secret] ?? '', /^\$\{\{ secrets\.\w+ \}\}$/, secret);
  }
  const publish = release.jobs.publish!;
  assert.equal(publish.needs, 'build');
  assert.match(runs(publish), /gh release edit .* --draft=false/);
});
