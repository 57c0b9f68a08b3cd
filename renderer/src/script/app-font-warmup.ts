import { FACES, FontWarmup, textByFont } from './font-warmup.ts';
import type { HeituApp } from '../shell/heitu-app.ts';

/** The warm-up waits this long after the render that asked for it, then for idle time. */
const WARM_AFTER_MS = 500;

interface Warming {
  readonly warmup: FontWarmup;
  /** What the UI's text was gathered for last (warmKey), and with which converters. */
  key: string;
  scripts: HeituApp['scripts'];
  pending: boolean;
}
const warming = new WeakMap<HeituApp, Warming>();

function warmingOf(app: HeituApp): Warming {
  let state = warming.get(app);
  if (state === undefined) {
    state = { warmup: new FontWarmup(document), key: '', scripts: null, pending: false };
    warming.set(app, state);
  }
  return state;
}

/**
 * What decides which text the UI shows, apart from the script (every face gets every script's
 * characters): the UI language, the tab, the list's view and the article open.
 */
function warmKey(app: HeituApp): string {
  const reader = app.reader;
  return JSON.stringify([app.locale, app.selected, reader.loadedView, reader.openId]);
}

/**
 * Once every script's converter is built, and again after a render that may show new text,
 * sets the UI's characters in every font and script's face (font-warmup.ts), in idle time: the
 * text is gathered in one idle callback, and each face set in one of its own. Called after each
 * render of the app; does nothing while a warm-up is under way or when nothing changed.
 */
export function warmFacesWhenIdle(app: HeituApp): void {
  const scripts = app.scripts;
  if (scripts === null) return;
  const state = warmingOf(app);
  if (state.pending || (state.key === warmKey(app) && state.scripts === scripts)) return;
  state.pending = true;
  /** Idle time, for bench:ui (font_warmup). */
  const measure = (start: number, lines: number): void => {
    performance.measure('heitu:font-warmup', { start, detail: { lines } });
  };
  const gather = (): void => {
    const start = performance.now();
    const key = warmKey(app);
    const texts = textByFont(app.renderRoot);
    measure(start, 0);
    const faces = [...FACES];
    const next = (): void => {
      const face = faces.shift();
      if (face === undefined) {
        Object.assign(state, { key, scripts, pending: false });
        warmFacesWhenIdle(app); // for what changed meanwhile
        return;
      }
      const begun = performance.now();
      const convert = scripts.get(face.mode);
      // The UI's text is in either script: each face's converter takes it from the other.
      const source = face.mode === 'cn' ? 'hant' : 'hans';
      const lines = state.warmup.warm(texts, face, (text) => convert?.(text, source) ?? text);
      measure(begun, lines);
      requestIdleCallback(next);
    };
    requestIdleCallback(next);
  };
  // Not right after the render that asked: that may be the frame of a switch whose paint is
  // still being read (toggle_cold_ms), and the first face sets fonts never loaded (~10-20 ms).
  setTimeout(() => requestIdleCallback(gather), WARM_AFTER_MS);
}
