import { createContext } from '@lit/context';
import type { ScriptMode } from '../../../app/shared/settings.ts';
import { IDENTITY, type Convert, type Scripts } from './convert.ts';

/**
 * The reader's script as the elements that show article text need it: which mode is in force,
 * its converter, and every mode's converter once all are built (script layers prepare them
 * ahead). One object per change, so a consumer re-renders only when the script changes.
 */
export interface ScriptView {
  readonly mode: ScriptMode;
  /** Keep it the same function while the converter is the same: a new function re-converts. */
  readonly convert: Convert;
  /** Null until every mode's dictionaries are built. */
  readonly scripts: Scripts | null;
}

export const ORIGINAL_VIEW: ScriptView = { mode: 'original', convert: IDENTITY, scripts: null };

/** Provided by the shell's ScriptController (script-controller.ts). */
export const scriptContext = createContext<ScriptView>(Symbol('heitu-script'));
