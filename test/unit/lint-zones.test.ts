/**
 * The layer rules of docs/architecture.md are enforced by ESLint zones (eslint.config.js). These
 * tests lint small probe files placed, virtually, in each layer and check that a forbidden import
 * is rejected and an allowed one is not.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(import.meta.dirname, '..', '..');
// Type information is not needed for import rules, and probe files exist only in memory.
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });

async function importProblems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const probe = 1;\n`, {
    filePath: join(root, file),
  });
  assert.ok(result, 'ESLint returned no result');
  return result.messages
    .filter(
      (m) =>
        m.ruleId === 'no-restricted-imports' ||
        m.ruleId === 'no-restricted-globals' ||
        m.fatal === true,
    )
    .map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const cases: readonly { file: string; source: string; allowed: boolean }[] = [
  // renderer: only app/shared, its own files and browser packages
  {
    file: 'renderer/src/probe.ts',
    source: "import { readFileSync } from 'node:fs'; void readFileSync;",
    allowed: false,
  },
  { file: 'renderer/src/probe.ts', source: "import * as fs from 'fs'; void fs;", allowed: false },
  {
    file: 'renderer/src/probe.ts',
    source: "import { ipcRenderer } from 'electron'; void ipcRenderer;",
    allowed: false,
  },
  {
    file: 'renderer/src/probe.ts',
    source: "import Database from 'better-sqlite3'; void Database;",
    allowed: false,
  },
  {
    file: 'renderer/src/probe.ts',
    source: "import { NewsService } from '../../app/core/news-service.ts'; void NewsService;",
    allowed: false,
  },
  {
    file: 'renderer/src/list/probe.ts',
    source: "import { startServer } from '../../../app/server/server.ts'; void startServer;",
    allowed: false,
  },
  { file: 'renderer/src/probe.ts', source: 'const p = process.env; void p;', allowed: false },
  {
    file: 'renderer/src/probe.ts',
    source: "import { REGIONS } from '../../app/shared/regions.ts'; void REGIONS;",
    allowed: true,
  },
  {
    file: 'renderer/src/probe.ts',
    source: "import { LitElement } from 'lit'; void LitElement;",
    allowed: true,
  },
  // shared: no Node, no electron, no other layer
  {
    file: 'app/shared/probe.ts',
    source: "import { join } from 'node:path'; void join;",
    allowed: false,
  },
  {
    file: 'app/shared/probe.ts',
    source: "import { NewsService } from '../core/news-service.ts'; void NewsService;",
    allowed: false,
  },
  { file: 'app/shared/probe.ts', source: 'const b = Buffer.from(""); void b;', allowed: false },
  { file: 'app/shared/probe.ts', source: "import * as v from 'valibot'; void v;", allowed: true },
  // core: Node yes, electron no, upper layers no
  {
    file: 'app/core/probe.ts',
    source: "import { app } from 'electron'; void app;",
    allowed: false,
  },
  {
    file: 'app/core/probe.ts',
    source: "import { startServer } from '../server/server.ts'; void startServer;",
    allowed: false,
  },
  {
    file: 'app/core/probe.ts',
    source: "import { readFileSync } from 'node:fs'; void readFileSync;",
    allowed: true,
  },
  // preload: electron's renderer side and app/shared only
  {
    file: 'app/preload/probe.ts',
    source: "import { readFileSync } from 'node:fs'; void readFileSync;",
    allowed: false,
  },
  {
    file: 'app/preload/probe.ts',
    source: "import { NewsService } from '../core/news-service.ts'; void NewsService;",
    allowed: false,
  },
  {
    file: 'app/preload/probe.ts',
    source: "import { contextBridge } from 'electron'; void contextBridge;",
    allowed: true,
  },
  // server and CLI: never electron
  {
    file: 'app/server/probe.ts',
    source: "import { app } from 'electron'; void app;",
    allowed: false,
  },
  { file: 'app/cli/probe.ts', source: "import { app } from 'electron'; void app;", allowed: false },
  { file: 'app/main/probe.ts', source: "import { app } from 'electron'; void app;", allowed: true },
];

for (const c of cases) {
  test(`${c.allowed ? 'allows' : 'rejects'} in ${c.file}: ${c.source.split(';')[0] ?? ''}`, async () => {
    const problems = await importProblems(c.file, c.source);
    if (c.allowed) assert.deepEqual(problems, []);
    else assert.ok(problems.length > 0, 'expected the layer rules to reject this import');
  });
}
