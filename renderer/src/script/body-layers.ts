/**
 * An article body in every script, as layers stacked in the pane's body container
 * (script-layers.ts, docs/technotes/0007-script-conversion.md). The body is parsed once per article
 * (inert DOMParser document); each mode's conversion is a clone of that parse with its text nodes
 * converted, made once per article and converter. The mode in force gets its layer at once; the
 * other scripts get theirs in idle time, one per idle callback, once their converters are built.
 * Modes that read the same (and share a `lang`) share a layer. A switch then only changes which
 * layer is visible: nothing is replaced, laid out or shaped again.
 */
import type { Article, ArticleId } from '../../../app/shared/articles.ts';
import { langFor } from '../../../app/shared/script-lang.ts';
import { SCRIPT_MODES, type ScriptMode } from '../../../app/shared/settings.ts';
import { parseArticleBody } from '../pane/article-body.ts';
import { convertTextNodes } from './convert-dom.ts';
import type { Convert, Scripts } from './convert.ts';
import { layerClasses } from './script-layers.ts';

interface Parsed {
  readonly id: ArticleId;
  readonly html: string;
  /** As published: 原文, and the source of every conversion. */
  readonly original: DocumentFragment;
  /** Per converter, the conversion (a new converter converts again). */
  readonly converted: WeakMap<Convert, DocumentFragment>;
}

interface Layer {
  readonly element: HTMLElement;
  readonly modes: Set<ScriptMode>;
}

let parser: DOMParser | undefined;

/** Gives a layer the class of each mode it shows (`m-tw`…), which makes it the visible one. */
function classify(layer: Layer): void {
  const classes = layerClasses(layer.modes);
  if (layer.element.className !== classes) layer.element.className = classes;
}

export class BodyLayers {
  #parsed: Parsed | null = null;
  #container: HTMLElement | null = null;
  #scripts: Scripts | null = null;
  /** Layers by lang and text. */
  #layers = new Map<string, Layer>();
  /** The layer key of each mode placed so far. */
  #placed = new Map<ScriptMode, string>();
  #idle = 0;
  #script: Article['script'] = 'unknown';

  /** The layer of the mode in force (its paragraphs are what the reader sees). */
  visible: HTMLElement | null = null;

  /**
   * Shows `article`'s body in `mode` (converted by `convert`) in `container`, and prepares the
   * other modes of `scripts` in idle time.
   */
  show(
    container: HTMLElement,
    article: Article,
    mode: ScriptMode,
    convert: Convert,
    scripts: Scripts | null,
  ): void {
    const parsed = this.#parse(article);
    if (container !== this.#container || scripts !== this.#scripts || parsed !== this.#parsed) {
      this.cancel();
      container.replaceChildren();
      this.#layers = new Map();
      this.#placed = new Map();
      this.#container = container;
      this.#scripts = scripts;
      this.#parsed = parsed;
    }
    this.#script = article.script;
    // The mode in force with the converter given (which may not be in `scripts` yet).
    this.visible = this.#place(mode, convert).element;
    this.#prepare();
  }

  cancel(): void {
    if (this.#idle !== 0) cancelIdleCallback(this.#idle);
    this.#idle = 0;
  }

  #parse(article: Article): Parsed {
    const cached = this.#parsed;
    if (cached?.id === article.id && cached.html === article.contentHtml) return cached;
    parser ??= new DOMParser();
    return {
      id: article.id,
      html: article.contentHtml,
      original: parseArticleBody(article.contentHtml, parser),
      converted: new WeakMap(),
    };
  }

  /** The layer showing `mode`, made (and appended) if no layer reads the same yet. */
  #place(mode: ScriptMode, convert: Convert): Layer {
    const parsed = this.#parsed;
    const container = this.#container;
    if (parsed === null || container === null) throw new Error('BodyLayers: nothing shown');
    const fragment = this.#fragment(parsed, mode, convert);
    const lang = langFor(mode, this.#script);
    // (A fragment's own textContent is not in every DOM: linkedom, in the unit tests, has none.)
    const text = Array.from(fragment.childNodes, (node) => node.textContent ?? '').join('');
    const key = `${lang}\u0001${text}`;
    const before = this.#placed.get(mode);
    if (before !== undefined && before !== key) this.#leave(before, mode);
    let layer = this.#layers.get(key);
    if (layer === undefined) {
      const element = container.ownerDocument.createElement('div');
      element.lang = lang;
      element.append(fragment.cloneNode(true));
      layer = { element, modes: new Set() };
      this.#layers.set(key, layer);
      container.append(element);
    }
    layer.modes.add(mode);
    this.#placed.set(mode, key);
    classify(layer);
    return layer;
  }

  /** Takes `mode` off the layer `key` (it reads differently now), and drops a layer left empty. */
  #leave(key: string, mode: ScriptMode): void {
    const layer = this.#layers.get(key);
    if (layer === undefined) return;
    layer.modes.delete(mode);
    if (layer.modes.size > 0) {
      classify(layer);
      return;
    }
    layer.element.remove();
    this.#layers.delete(key);
  }

  #fragment(parsed: Parsed, mode: ScriptMode, convert: Convert): DocumentFragment {
    if (mode === 'original') return parsed.original;
    const memo = parsed.converted.get(convert);
    if (memo !== undefined) return memo;
    const fragment = parsed.original.cloneNode(true) as DocumentFragment;
    const script = this.#script;
    convertTextNodes(fragment, (text) => convert(text, script));
    parsed.converted.set(convert, fragment);
    return fragment;
  }

  /** Places the modes of `scripts` not placed yet, one per idle callback. */
  #prepare(): void {
    const scripts = this.#scripts;
    if (this.#idle !== 0 || scripts === null) return;
    const next = SCRIPT_MODES.find((m) => scripts.has(m) && !this.#placed.has(m));
    if (next === undefined) return;
    this.#idle = requestIdleCallback(() => {
      this.#idle = 0;
      const convert = scripts.get(next);
      if (scripts !== this.#scripts || convert === undefined) return;
      this.#place(next, convert);
      this.#prepare();
    });
  }
}
