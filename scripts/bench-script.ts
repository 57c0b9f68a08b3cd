/**
 * npm run bench:script [-- --kb 1000] [--repeat 5] [--builds 5]
 *
 * Script toggling throughput and start-up cost, one JSON line per measure. Throughput: about 1 MB
 * of text built from the seed article (Simplified via opencc-js t→cn for the Simplified sources,
 * with the project dictionary's phrases mixed in) through createScriptConverter(...).convert,
 * beside raw opencc-js on the same text in the same run. Build times: the first conversion per
 * direction in a fresh child process (so no tries are shared with earlier builds), beside raw
 * opencc-js's Converter build, and the whole set (warmConverters of every mode).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js';
import type { SourceScript } from '../app/shared/articles.ts';
import { SCRIPT_MODES, type ScriptMode } from '../app/shared/settings.ts';
import { createScriptConverter, warmConverters } from '../app/shared/script-convert.ts';

const { Converter } = OpenCC as unknown as {
  Converter: (options: { from: string; to: string }) => (text: string) => string;
};

const { values } = parseArgs({
  options: {
    kb: { type: 'string', default: '1000' },
    repeat: { type: 'string', default: '5' },
    builds: { type: 'string', default: '5' },
    child: { type: 'string' },
  },
});

const round = (x: number): number => Math.round(x * 1000) / 1000;
const emit = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

interface Direction {
  readonly name: string;
  readonly mode: Exclude<ScriptMode, 'original'>;
  readonly source: SourceScript;
  readonly raw: { readonly from: string; readonly to: string };
}
const DIRECTIONS: readonly Direction[] = [
  { name: 'cn_tw', mode: 'tw', source: 'hans', raw: { from: 'cn', to: 'tw' } },
  { name: 'cn_twp', mode: 'twp', source: 'hans', raw: { from: 'cn', to: 'twp' } },
  { name: 'cn_hk', mode: 'hk', source: 'hans', raw: { from: 'cn', to: 'hk' } },
  { name: 'hant_cn', mode: 'cn', source: 'hant', raw: { from: 'tw', to: 'cn' } },
];

// ---- child: one build in a fresh process ------------------------------------------------------

if (values.child !== undefined) {
  const what = values.child;
  const t0 = performance.now();
  if (what === 'all') {
    warmConverters(SCRIPT_MODES);
  } else if (what.startsWith('raw_')) {
    const d = DIRECTIONS.find((x) => `raw_${x.name}` === what);
    if (d === undefined) throw new Error(`unknown build ${what}`);
    Converter(d.raw)('长');
  } else {
    const d = DIRECTIONS.find((x) => x.name === what);
    if (d === undefined) throw new Error(`unknown build ${what}`);
    createScriptConverter(d.mode).convert('长', d.source);
  }
  process.stdout.write(`${performance.now() - t0}\n`);
  process.exit(0);
}

function childBuild(what: string): number {
  const samples: number[] = [];
  for (let i = 0; i < Number(values.builds); i += 1) {
    const result = spawnSync(process.execPath, [import.meta.filename, '--child', what], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`build ${what} failed: ${result.stderr}`);
    samples.push(Number(result.stdout.trim()));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

// ---- build times --------------------------------------------------------------------------------

const buildName: Record<string, string> = {
  cn_tw: 'build_tw',
  cn_twp: 'build_twp',
  cn_hk: 'build_hk',
  hant_cn: 'build_cn',
};
for (const d of DIRECTIONS) {
  emit({
    name: buildName[d.name] ?? d.name,
    direction: d.name,
    ms: round(childBuild(d.name)),
    raw_ms: round(childBuild(`raw_${d.name}`)),
  });
}
emit({ name: 'build_all_modes', ms: round(childBuild('all')) });

// In this process: the first build of each, in order, shows the shared tries at work.
for (const d of DIRECTIONS) {
  const t0 = performance.now();
  createScriptConverter(d.mode).convert('长', d.source);
  emit({
    name: `build_in_sequence_${d.mode}`,
    direction: d.name,
    ms: round(performance.now() - t0),
  });
}

// ---- throughput ---------------------------------------------------------------------------------

const seed = readFileSync(
  new URL('../test/fixtures/seed/cri-jilin-channel-article.txt', import.meta.url),
  'utf8',
);
const toCn = Converter({ from: 't', to: 'cn' });
const HANT_EXTRA = '\n政府干預與粉絲發布,現金發放在前頭發生,一隻隻小鳥,余華對余先生說。\n';
const HANS_EXTRA = '\n政府干预与粉丝发布,现金发放在前头发生,一只只小鸟,余华对余先生说。\n';
const target = Number(values.kb) * 1000;
const build = (unit: string): string => unit.repeat(Math.ceil(target / unit.length));
const texts: Readonly<Record<SourceScript, string>> = {
  hant: build(seed + HANT_EXTRA),
  hans: build(toCn(seed) + HANS_EXTRA),
  unknown: '',
};

function best(fn: () => unknown): number {
  fn(); // warm-up
  let min = Infinity;
  for (let i = 0; i < Number(values.repeat); i += 1) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

for (const d of DIRECTIONS) {
  const text = texts[d.source];
  const ours = createScriptConverter(d.mode);
  const raw = Converter(d.raw);
  const ms = best(() => ours.convert(text, d.source));
  const rawMs = best(() => raw(text));
  emit({
    name: `convert_${d.name}`,
    chars: text.length,
    ms: round(ms),
    chars_per_s: Math.round(text.length / (ms / 1000)),
    raw_ms: round(rawMs),
    raw_chars_per_s: Math.round(text.length / (rawMs / 1000)),
  });
}

// As the reader converts: one call per text node (here, per line).
{
  const lines = texts.hans.split('\n');
  const ours = createScriptConverter('tw');
  const raw = Converter({ from: 'cn', to: 'tw' });
  const ms = best(() => lines.map((line) => ours.convert(line, 'hans')));
  const rawMs = best(() => lines.map((line) => raw(line)));
  emit({
    name: 'convert_cn_tw_per_line',
    chars: texts.hans.length,
    calls: lines.length,
    ms: round(ms),
    chars_per_s: Math.round(texts.hans.length / (ms / 1000)),
    raw_ms: round(rawMs),
    raw_chars_per_s: Math.round(texts.hans.length / (rawMs / 1000)),
  });
}
