/**
 * OpenCC's dictionaries are most of the renderer's code (about 2 MB). They load on demand, in a
 * chunk of their own: not at all for a reader in 原文, after the first list otherwise (idle time),
 * or before the first paint when the reader's script needs them from the start.
 */
import type * as ScriptConvert from '../../../app/shared/script-convert.ts';
import type { ScriptConverter } from '../../../app/shared/script-convert.ts';
import type { ScriptMode } from '../../../app/shared/settings.ts';

export type ScriptModule = typeof ScriptConvert;

let loading: Promise<ScriptModule> | null = null;

export function loadScriptModule(): Promise<ScriptModule> {
  loading ??= import('../../../app/shared/script-convert.ts');
  return loading;
}

/** Lets the browser handle input and paint before the next slice of work. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Waits until the browser has nothing more urgent to do (a background task): work ahead of the
 * reader that must not delay the page's own tasks (answers from the library, rendering), though
 * it need not wait for a frame's idle period either.
 */
export function background(): Promise<void> {
  const scheduler = (
    globalThis as {
      scheduler?: { postTask?: (task: () => void, options: { priority: string }) => unknown };
    }
  ).scheduler;
  if (scheduler?.postTask)
    return new Promise((resolve) => {
      scheduler.postTask?.(resolve, { priority: 'background' });
    });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Switches waiting for dictionaries: work begun ahead in the background then hurries. */
let waiting = 0;

/**
 * Pauses for dictionaries made ahead of the reader: background tasks, or mere yields while a
 * switch waits for them (a slice in progress is the same work the switch needs).
 */
export function ahead(): Promise<void> {
  return waiting > 0 ? yieldToMain() : background();
}

/**
 * The module with the dictionaries `modes` need built, a slice at a time between pauses:
 * building them never blocks input, even on the very first switch. `pause` is `ahead` for work
 * ahead of the reader; by default the reader waits (yields only, and work ahead hurries).
 */
export async function loadConverters(
  modes: readonly ScriptMode[],
  pause?: () => Promise<void>,
): Promise<ScriptModule> {
  if (pause !== undefined) {
    const module = await loadScriptModule();
    await module.prepareConverters(modes, pause);
    return module;
  }
  waiting += 1;
  try {
    const module = await loadScriptModule();
    await module.prepareConverters(modes, yieldToMain);
    return module;
  } finally {
    waiting -= 1;
  }
}

/** 原文: the text as published, no dictionaries needed. */
export const ORIGINAL: ScriptConverter = { mode: 'original', lang: '', convert: (text) => text };
