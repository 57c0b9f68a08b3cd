// @ts-check
// Lint = typescript-eslint (strict, type-checked) + Prettier compatibility + the layer zones of
// docs/architecture: each layer may import only what the architecture page allows.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];
const NODE = {
  regex: `^(node:.*|(${nodeBuiltins.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?)$`,
  message: 'This layer runs without Node: no Node built-in modules.',
};
const ELECTRON = {
  regex: '^electron(\\/.*)?$',
  message: 'Only app/main and app/preload may import electron.',
};
const SQLITE = { regex: '^better-sqlite3$', message: 'SQLite belongs to app/core/db.' };
const layer = (/** @type {string[]} */ names) => ({
  regex: `^(\\.\\.\\/)+app\\/(${names.join('|')})(\\/|$)`,
  message: `Imports across a forbidden layer line (${names.join(', ')}); see docs/architecture.md.`,
});
/** Relative imports that climb into another layer folder. */
const fromApp = (/** @type {string[]} */ names) => ({
  regex: `^(\\.\\.\\/)+(${names.map((n) => `(app\\/)?${n}`).join('|')})(\\/|$)`,
  message: `This layer may not import ${names.join(', ')}; see docs/architecture.md.`,
});

/** @param {Array<{regex: string, message: string}>} patterns */
const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((p) => ({ regex: p.regex, message: p.message })) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.cjs', 'bin/*.cjs'] },
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      'no-console': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // ---- Layer zones -------------------------------------------------------------------------
  {
    files: ['app/shared/**/*.ts'],
    ignores: ['app/shared/**/*.test.ts'],
    rules: {
      ...restrict([
        NODE,
        ELECTRON,
        SQLITE,
        fromApp(['core', 'main', 'preload', 'server', 'cli', 'renderer']),
      ]),
      'no-restricted-globals': [
        'error',
        'process',
        'Buffer',
        'require',
        '__dirname',
        'window',
        'document',
      ],
    },
  },
  {
    files: ['app/core/**/*.ts'],
    rules: restrict([ELECTRON, fromApp(['main', 'preload', 'server', 'cli', 'renderer'])]),
  },
  {
    files: ['app/main/**/*.ts'],
    rules: restrict([fromApp(['preload', 'server', 'cli', 'renderer'])]),
  },
  {
    files: ['app/preload/**/*.ts'],
    rules: restrict([NODE, SQLITE, fromApp(['core', 'main', 'server', 'cli', 'renderer'])]),
  },
  {
    files: ['app/server/**/*.ts'],
    rules: restrict([ELECTRON, fromApp(['main', 'preload', 'cli', 'renderer'])]),
  },
  {
    files: ['app/cli/**/*.ts'],
    rules: restrict([ELECTRON, fromApp(['main', 'preload', 'renderer'])]),
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...restrict([NODE, ELECTRON, SQLITE, layer(['core', 'main', 'preload', 'server', 'cli'])]),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'global'],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['test', 'describe', 'it'], package: 'node:test' },
          ],
        },
      ],
    },
  },
  prettier,
);
