import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { ENGLISH, localeContext, type UiLocale } from './locale-context.ts';

/** An element that shows UI strings: it gets the UI's language from the shell (localeContext). */
export abstract class LocalizedElement extends LitElement {
  /** The UI's language: strings (`localized(TABLE)`), their `lang`, the locale of times. */
  @consume({ context: localeContext, subscribe: true })
  @state()
  ui: UiLocale = ENGLISH;
}
