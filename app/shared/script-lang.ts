/**
 * The `lang` attribute for converted text, apart from the converter itself, so that the UI can
 * set it without loading OpenCC's dictionaries (the renderer loads them only when needed).
 */
import type { SourceScript } from './articles.ts';
import type { ScriptMode } from './settings.ts';

export const MODE_LANG: Readonly<Record<ScriptMode, string>> = {
  original: '',
  cn: 'zh-Hans',
  tw: 'zh-Hant-TW',
  twp: 'zh-Hant-TW',
  hk: 'zh-Hant-HK',
};

const SOURCE_LANG: Readonly<Record<SourceScript, string>> = {
  hans: 'zh-Hans',
  hant: 'zh-Hant',
  unknown: 'zh',
};

/** The lang attribute for text of an article in `source` script shown in `mode`. */
export function langFor(mode: ScriptMode, source: SourceScript): string {
  return mode === 'original' ? SOURCE_LANG[source] : MODE_LANG[mode];
}
