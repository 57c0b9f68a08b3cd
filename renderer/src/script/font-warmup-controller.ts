import type { ReactiveController, ReactiveElement } from 'lit';
import type { Scripts } from './convert.ts';
import { FACES, FontWarmup, textByFont } from './font-warmup.ts';

/** The warm-up waits this long after the render that asked for it, then for idle time. */
const WARM_AFTER_MS = 500;

/**
 * Once every script's converter is built, and again after a render that may show new text, sets
 * the UI's characters in every font and script's face (font-warmup.ts), in idle time: the text is
 * gathered in one idle callback, and each face set in one of its own. Runs after each update of
 * the host; does nothing while a warm-up is under way or when nothing changed.
 */
export class FontWarmupController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #scripts: () => Scripts | null;
  readonly #key: () => string;
  readonly #warmup = new FontWarmup(document);
  /** What the UI's text was gathered for last (`key`), and with which converters. */
  #warmedKey = '';
  #warmedScripts: Scripts | null = null;
  #pending = false;

  /**
   * `scripts`: every mode's converter, null until all are built. `key`: what decides which text
   * the UI shows, apart from the script (every face gets every script's characters).
   */
  constructor(host: ReactiveElement, scripts: () => Scripts | null, key: () => string) {
    this.#host = host;
    this.#scripts = scripts;
    this.#key = key;
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to warm before the first update.
  }

  hostUpdated(): void {
    this.#warmWhenIdle();
  }

  #warmWhenIdle(): void {
    const scripts = this.#scripts();
    if (scripts === null) return;
    if (this.#pending || (this.#warmedKey === this.#key() && this.#warmedScripts === scripts))
      return;
    this.#pending = true;
    /** Idle time, for bench:ui (font_warmup). */
    const measure = (start: number, lines: number): void => {
      performance.measure('heitu:font-warmup', { start, detail: { lines } });
    };
    const gather = (): void => {
      const start = performance.now();
      const key = this.#key();
      const texts = textByFont(this.#host.renderRoot);
      measure(start, 0);
      const faces = [...FACES];
      const next = (): void => {
        const face = faces.shift();
        if (face === undefined) {
          this.#warmedKey = key;
          this.#warmedScripts = scripts;
          this.#pending = false;
          this.#warmWhenIdle(); // for what changed meanwhile
          return;
        }
        const begun = performance.now();
        const convert = scripts.get(face.mode);
        // The UI's text is in either script: each face's converter takes it from the other.
        const source = face.mode === 'cn' ? 'hant' : 'hans';
        const lines = this.#warmup.warm(texts, face, (text) => convert?.(text, source) ?? text);
        measure(begun, lines);
        requestIdleCallback(next);
      };
      requestIdleCallback(next);
    };
    // Not right after the render that asked: that may be the frame of a switch whose paint is
    // still being read (toggle_cold_ms), and the first face sets fonts never loaded (~10-20 ms).
    setTimeout(() => requestIdleCallback(gather), WARM_AFTER_MS);
  }
}
