import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { ScriptConverter } from '../../../app/shared/script-convert.ts';
import { SCRIPT_MODES, effectiveScript, type ScriptMode } from '../../../app/shared/settings.ts';
import type { SettingsController } from '../settings/settings-controller.ts';
import { IDENTITY, type Scripts } from './convert.ts';
import { scriptContext, type ScriptView } from './script-context.ts';
import { ORIGINAL, ahead, loadConverters, type ScriptModule } from './script-loader.ts';

/**
 * The reader's script: the mode in force (from the settings, or the system's languages until the
 * reader chooses), OpenCC's dictionaries loaded on demand, one converter per mode kept while the
 * reader's dictionary stays the same, and switching. Provides `scriptContext` to the elements
 * that show article text.
 */
export class ScriptController implements ReactiveController {
  /** OpenCC and the project dictionary, once loaded (script-loader.ts). */
  #module: ScriptModule | null = null;
  /** Every mode's dictionaries are built: the list and pane can prepare every script. */
  #allReady = false;
  #converters = new Map<ScriptMode, ScriptConverter>();
  #convertersFor: unknown = null;
  #scripts: Scripts | null = null;
  #seq = 0;
  /** The script a switch is on its way to (its dictionaries still building), for `t` to go on from. */
  #pendingMode: ScriptMode | null = null;
  readonly #host: ReactiveElement;
  readonly #settings: SettingsController;
  readonly #provider: ContextProvider<typeof scriptContext>;

  constructor(host: ReactiveElement, settings: SettingsController) {
    this.#host = host;
    this.#settings = settings;
    this.#provider = new ContextProvider(host, {
      context: scriptContext,
      initialValue: { mode: 'original', convert: IDENTITY, scripts: null },
    });
    host.addController(this);
  }

  hostConnected(): void {
    // Dictionaries load when the first view asks (load), or ahead of it in background tasks (prewarm).
  }

  /** Before the host renders: the elements below get the script it renders with. */
  hostUpdate(): void {
    const value = this.#provider.value;
    const mode = this.mode;
    const convert = this.converter.convert;
    const scripts = this.scripts;
    if (value.mode !== mode || value.convert !== convert || value.scripts !== scripts)
      this.#provider.setValue({ mode, convert, scripts } satisfies ScriptView);
  }

  get mode(): ScriptMode {
    const settings = this.#settings.settings;
    return settings === null ? 'original' : effectiveScript(settings, navigator.languages);
  }

  /** The mode a switch under way goes to, else the mode in force. */
  get target(): ScriptMode {
    return this.#pendingMode ?? this.mode;
  }

  /** The converter for the script in force (identity until the dictionaries are loaded). */
  get converter(): ScriptConverter {
    return this.#converterFor(this.mode) ?? ORIGINAL;
  }

  /** Every mode's convert, once all are built: list, pane and UI strings get every script ahead. */
  get scripts(): Scripts | null {
    if (!this.#allReady) return null;
    if (this.#scripts?.get('cn') !== this.#converterFor('cn')?.convert)
      this.#scripts = new Map(
        SCRIPT_MODES.map((m) => [m, (this.#converterFor(m) ?? ORIGINAL).convert]),
      );
    return this.#scripts;
  }

  /** Every converter built so far (the UI's strings are converted ahead with them). */
  get converters(): readonly ScriptConverter[] {
    return [...this.#converters.values()];
  }

  /** Loads the dictionaries `mode` needs (none for 原文). */
  async load(mode: ScriptMode): Promise<void> {
    if (mode === 'original') return;
    this.#setModule(await loadConverters([mode]));
  }

  /**
   * Loads OpenCC and makes every mode's dictionaries ahead of the reader's first switch, in
   * background tasks from the start of the page: while the first list is on its way from the
   * library, not in the middle of the first toggle. Each slice gives way to the page's own tasks.
   */
  prewarm(): void {
    void loadConverters(['cn', 'tw', 'hk', 'twp'], ahead).then((module) => {
      this.#allReady = true;
      this.#setModule(module);
    });
  }

  /**
   * Switches to `mode`, once its dictionaries are built; false when a later switch made meanwhile
   * took over. The settings show the mode at once; saving them is the caller's.
   */
  async switchTo(mode: ScriptMode): Promise<boolean> {
    // The first switch away from 原文 may have to fetch the dictionaries (asynchronously).
    const seq = ++this.#seq;
    this.#pendingMode = mode;
    if (mode !== 'original') {
      const module = await loadConverters([mode]);
      // A later switch made while this one waited for its dictionaries wins.
      if (seq !== this.#seq) return false;
      this.#module = module;
    }
    this.#pendingMode = null;
    this.#settings.show({ script: mode, scriptChosen: true });
    return true;
  }

  /** The mode after the one in force (or on its way), in the switch's order. */
  next(): ScriptMode {
    const at = SCRIPT_MODES.indexOf(this.target);
    return SCRIPT_MODES[(at + 1) % SCRIPT_MODES.length] ?? 'original';
  }

  #setModule(module: ScriptModule): void {
    this.#module = module;
    this.#host.requestUpdate();
  }

  #converterFor(mode: ScriptMode): ScriptConverter | null {
    const module = this.#module;
    if (mode === 'original' || module === null) return null;
    const entries = this.#settings.settings?.userDictionary ?? [];
    if (this.#convertersFor !== entries) {
      this.#converters = new Map();
      this.#convertersFor = entries;
    }
    let converter = this.#converters.get(mode);
    if (converter === undefined) {
      converter = module.createScriptConverter(mode, entries);
      this.#converters.set(mode, converter);
    }
    return converter;
  }
}
