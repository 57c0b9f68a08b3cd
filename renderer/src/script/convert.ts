/**
 * The one type of a text converter in the renderer: what a ScriptConverter's `convert` is, what
 * list rows, the article and the UI's strings are converted with.
 */
import type { SourceScript } from '../../../app/shared/articles.ts';
import type { ScriptMode } from '../../../app/shared/settings.ts';

/** Converts text of an article published in `script` to the reader's script. */
export type Convert = (text: string, script: SourceScript) => string;

/** Converters whose dictionaries are built, by mode (原文 included). */
export type Scripts = ReadonlyMap<ScriptMode, Convert>;

/** 原文: the text as published. */
export const IDENTITY: Convert = (text) => text;
