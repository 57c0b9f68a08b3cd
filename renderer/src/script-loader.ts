/**
 * OpenCC's dictionaries are most of the renderer's code (about 2 MB). They load on demand, in a
 * chunk of their own: not at all for a reader in 原文, after the first list otherwise (idle time),
 * or before the first paint when the reader's script needs them from the start.
 */
import type * as ScriptConvert from '../../app/shared/script-convert.ts';
import type { ScriptConverter } from '../../app/shared/script-convert.ts';

export type ScriptModule = typeof ScriptConvert;

let loading: Promise<ScriptModule> | null = null;

export function loadScriptModule(): Promise<ScriptModule> {
  loading ??= import('../../app/shared/script-convert.ts');
  return loading;
}

/** 原文: the text as published, no dictionaries needed. */
export const ORIGINAL: ScriptConverter = { mode: 'original', lang: '', convert: (text) => text };
