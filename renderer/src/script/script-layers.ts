/**
 * Script variants of a list row and an article body (docs/technotes/0007-script-conversion.md).
 * A row holds its title, 來源 and snippet once per script that reads differently, as layers side by
 * side in a strip clipped to one; the mode in force moves its layer into view
 * (`:host(.mode-…) .at-…-k`, stripStyles). A body's layers are stacked, the mode's visible
 * (`:host(.mode-…) .m-…`, layerStyles). Each variant is laid out and shaped once, when it is made,
 * so a switch between prepared scripts replaces, lays out and shapes no text. Rows start with the
 * mode in force alone and get the other scripts in idle time (RowPreparer).
 */
import { css, html, nothing, unsafeCSS } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ArticleId } from '../../../app/shared/articles.ts';
import { langFor } from '../../../app/shared/script-lang.ts';
import { SCRIPT_MODES, type ScriptMode } from '../../../app/shared/settings.ts';
import { rowText, type ListItem, type RowText } from '../list/list-window.ts';
import type { Convert, Scripts } from './convert.ts';
import type { ScriptView } from './script-context.ts';

/** One way the row reads: the modes it is shown in, their `lang`, and the texts. */
export interface Variant {
  /** Identifies the variant among the row's (its lang and texts). */
  readonly key: string;
  readonly modes: readonly ScriptMode[];
  readonly lang: string;
  readonly text: RowText;
}

const marked = (segments: readonly { text: string; match: boolean }[]): string =>
  segments.map((s) => (s.match ? `\u0002${s.text}` : s.text)).join('\u0003');

function keyOf(lang: string, text: RowText): string {
  const title = text.titleMarks === null ? text.title : marked(text.titleMarks);
  return `${lang}\u0001${title}\u0001${text.source ?? ''}\u0001${marked(text.snippet)}`;
}

/** Text with its search matches in <mark>. */
const withMarks = (segments: readonly { text: string; match: boolean }[]) =>
  segments.map((s) => (s.match ? html`<mark>${s.text}</mark>` : s.text));

/**
 * The variants a row renders: the mode in force, and every mode of `prepared.scripts` (null until
 * the row is prepared); modes that read the same and share a `lang` share one variant. Ordered by
 * SCRIPT_MODES, so that prepared layers keep their keys (and their DOM) from switch to switch.
 * `shown` is the index of the variant in force.
 */
export function rowVariants(
  item: ListItem,
  mode: ScriptMode,
  convert: Convert,
  prepared: { scripts: Scripts | null; textOf: (item: ListItem, convert: Convert) => RowText },
): { variants: Variant[]; shown: number } {
  const { scripts, textOf } = prepared;
  const groups = new Map<string, { modes: ScriptMode[]; lang: string; text: RowText }>();
  for (const m of SCRIPT_MODES) {
    const fn = m === mode ? convert : scripts?.get(m);
    if (fn === undefined) continue;
    const text = textOf(item, fn);
    const lang = langFor(m, item.script);
    const key = keyOf(lang, text);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { modes: [m], lang, text });
    else group.modes.push(m);
  }
  const variants = [...groups].map(([key, g]) => ({
    // A row not prepared yet has one layer, changed in place by a switch (no new DOM).
    key: scripts === null ? 'solo' : key,
    modes: g.modes,
    lang: g.lang,
    text: g.text,
  }));
  return { variants, shown: shownIndex(variants, mode) };
}

/** The index of the variant shown in `mode` (0 if none lists it). */
const shownIndex = (variants: readonly Variant[], mode: ScriptMode): number =>
  Math.max(
    0,
    variants.findIndex((v) => v.modes.includes(mode)),
  );

/** The converter of the script `variant` shows (its first mode's; the mode in force's if none). */
export function variantConvert(view: ScriptView, variant: Variant): Convert {
  const shown = variant.modes[0] ?? view.mode;
  return shown === view.mode ? view.convert : (view.scripts?.get(shown) ?? view.convert);
}

/** Converted row texts per converter and item, so that a script is converted once per row. */
export class RowTexts {
  readonly #texts = new WeakMap<Convert, WeakMap<ListItem, RowText>>();

  readonly get = (item: ListItem, convert: Convert): RowText => {
    let texts = this.#texts.get(convert);
    if (texts === undefined) this.#texts.set(convert, (texts = new WeakMap()));
    const cached = texts.get(item);
    if (cached !== undefined) return cached;
    const text = rowText(item, convert);
    texts.set(item, text);
    return text;
  };
}

/**
 * Rows' variants. A prepared row's variants cover every mode, so they are made once per row (and
 * set of scripts) and kept: a switch between prepared scripts then gives Lit the same variants
 * (its layers are skipped, see rowLayers) and changes only which one is shown.
 */
export class RowVariants {
  readonly #texts = new RowTexts();
  #for: Scripts | null = null;
  #variants = new WeakMap<ListItem, Variant[]>();

  /** `scripts` is null for a row not prepared yet (one variant, the mode in force). */
  get(
    item: ListItem,
    mode: ScriptMode,
    convert: Convert,
    scripts: Scripts | null,
  ): { variants: readonly Variant[]; shown: number } {
    const prepared = { scripts, textOf: this.#texts.get };
    if (scripts === null) return rowVariants(item, mode, convert, prepared);
    if (scripts !== this.#for) {
      this.#for = scripts;
      this.#variants = new WeakMap();
    }
    let variants = this.#variants.get(item);
    if (variants === undefined) {
      variants = rowVariants(item, mode, convert, prepared).variants;
      this.#variants.set(item, variants);
    }
    return { variants, shown: shownIndex(variants, mode) };
  }
}

/**
 * A row's layers: title, time and 來源, snippet (search matches marked), each with ids of its
 * layer (`t-<id>-<layer>`, `m-…`, `s-…`) for the row's aria-labelledby and aria-describedby.
 * `timeIn` gives the time ("15 分鐘前") in a variant's script.
 */
export function rowLayers(
  variants: readonly Variant[],
  id: ArticleId,
  publishedAt: string,
  time: string,
  timeIn: (time: string, variant: Variant) => string,
  locale: string,
  separator: string,
): unknown {
  // The same variants (a prepared row) with the same time render the same layers: Lit skips them.
  return guard(
    [variants, publishedAt, time, locale, separator],
    () =>
      html`<span class=${stripClasses(variants)}
        >${repeat(
          variants,
          (v) => v.key,
          (v, k) =>
            html`<span class="layer" lang=${v.lang}>
              <span class="title" id=${`t-${id}-${k}`}
                >${v.text.titleMarks === null ? v.text.title : withMarks(v.text.titleMarks)}</span
              >
              <span class="meta" id=${`m-${id}-${k}`}
                ><time lang=${locale} datetime=${publishedAt}>${timeIn(time, v)}</time>${
                  v.text.source === null ? nothing : `${separator}${v.text.source}`
                }</span
              >
              <span class="snippet" id=${`s-${id}-${k}`}>${withMarks(v.text.snippet)}</span>
            </span>`,
        )}</span
      >`,
  );
}

/**
 * A row's strip (its layers side by side, stripStyles): for each mode whose layer is not the
 * first, `at-<mode>-<index>`, which moves that layer into view when the mode is in force.
 */
export function stripClasses(variants: readonly Variant[]): string {
  const classes = ['strip'];
  variants.forEach((v, k) => {
    if (k > 0) for (const m of v.modes) classes.push(`at-${m}-${k}`);
  });
  return classes.join(' ');
}

/** The host class that shows the layers of `mode`. */
const modeClass = (mode: ScriptMode): string => `mode-${mode}`;
/** The class of a layer that shows `mode`. */
const layerClass = (mode: ScriptMode): string => `m-${mode}`;

/** The classes of an article body's layer that shows `modes` (a row's strip moves instead). */
export function layerClasses(modes: Iterable<ScriptMode>): string {
  return ['layer', ...Array.from(modes, layerClass)].join(' ');
}

/** Makes `host` (the list, the pane) show its layers of `mode` instead of `previous`'s. */
export function showMode(host: HTMLElement, previous: ScriptMode | undefined, mode: ScriptMode) {
  if (previous !== undefined) host.classList.remove(modeClass(previous));
  host.classList.add(modeClass(mode));
}

/** Built from SCRIPT_MODES (constants, not input). */
const MODE_RULES = SCRIPT_MODES.map((m) => `:host(.${modeClass(m)}) .${layerClass(m)}`).join(',\n');

/**
 * An article body's variants are layers stacked in one grid cell, hidden but the one of the mode
 * in force. The mode is a class on the host, so a switch restyles the layers of the old and the
 * new mode only (with their contents, which inherit `visibility`), not the whole pane. Hidden
 * layers are neither painted, hit, selected, found nor in the accessibility tree.
 */
export const layerStyles = css`
  .stack {
    display: grid;
    min-width: 0;
  }
  .stack > .layer {
    grid-area: 1 / 1;
    display: grid;
    min-width: 0;
    visibility: hidden;
  }
  ${unsafeCSS(MODE_RULES)} {
    visibility: visible;
  }
`;

/** Built from SCRIPT_MODES (constants, not input): layer k of a strip in view for its modes. */
const STRIP_RULES = SCRIPT_MODES.flatMap((m) =>
  SCRIPT_MODES.slice(1).map(
    (_, i) =>
      `:host(.${modeClass(m)}) .at-${m}-${i + 1} { transform: translateX(-${(i + 1) * 100}%); }`,
  ),
).join('\n');

/**
 * A list row's variants are layers side by side in a strip, clipped to one column: a switch moves
 * each row's strip (a transform, which descendants do not inherit), so it restyles one element per
 * row, not every span of two layers as `visibility` did, and lays out nothing; the layers' paint
 * is kept, only the transform changes. Layers out of view are clipped: not seen, not hit. A row's
 * name and description come from the layer in view (aria-labelledby), and an option's contents
 * are not exposed on their own (its children are presentational). Rows are not selectable text.
 */
export const stripStyles = css`
  .clip {
    overflow: clip;
    min-width: 0;
  }
  .strip {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 100%;
    /* Always a transform, so that a switch changes its value only: no layout. */
    transform: translateX(0);
  }
  .strip > .layer {
    display: grid;
    min-width: 0;
  }
  ${unsafeCSS(STRIP_RULES)}
`;

/** Rows rendered per idle callback while preparing: each is a few spans to lay out and shape. */
const ROWS_PER_IDLE = 4;
/** Idle time (ms) a row's variants are allowed to take; below this, the rest waits. */
const MIN_IDLE_MS = 4;

/**
 * Which items have all their variants, and the idle-time work that gives them the rest: a few
 * rows per idle callback, so that neither input nor a frame waits for the preparing.
 */
export class RowPreparer {
  #prepared = new WeakSet<ListItem>();
  #for: Scripts | null = null;
  #handle = 0;

  /** Whether `item` renders every script of `scripts` (forgotten when the scripts change). */
  has(item: ListItem, scripts: Scripts | null): boolean {
    if (scripts !== this.#for) {
      this.#prepared = new WeakSet();
      this.#for = scripts;
    }
    return this.#prepared.has(item);
  }

  /** Prepares `items` in idle time, calling `render` after each slice. */
  schedule(items: readonly ListItem[], scripts: Scripts | null, render: () => void): void {
    if (this.#handle !== 0 || scripts === null || scripts.size < 2) return;
    if (items.every((item) => this.has(item, scripts))) return;
    this.#handle = requestIdleCallback((deadline) => {
      this.#handle = 0;
      if (scripts !== this.#for) return;
      let done = 0;
      for (const item of items) {
        if (done >= ROWS_PER_IDLE || deadline.timeRemaining() < MIN_IDLE_MS) break;
        if (this.#prepared.has(item)) continue;
        this.#prepared.add(item);
        done += 1;
      }
      if (done > 0) render();
      else this.schedule(items, scripts, render);
    });
  }

  cancel(): void {
    if (this.#handle !== 0) cancelIdleCallback(this.#handle);
    this.#handle = 0;
  }
}
