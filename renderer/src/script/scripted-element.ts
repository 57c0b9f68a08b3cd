import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { LocalizedElement } from '../i18n/localized-element.ts';
import { ORIGINAL_VIEW, scriptContext, type ScriptView } from './script-context.ts';

/**
 * An element that shows article text: it gets the reader's script from the shell
 * (scriptContext) besides the UI's language.
 */
export abstract class ScriptedElement extends LocalizedElement {
  /**
   * The mode in force (which script layer is visible) and its converter; every mode's converter
   * once built, for layers made ahead in idle time.
   */
  @consume({ context: scriptContext, subscribe: true })
  @state()
  script: ScriptView = ORIGINAL_VIEW;
}
