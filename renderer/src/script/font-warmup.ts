/**
 * Sets, in idle time and out of sight, the UI's characters in every script's face and in every
 * font the UI uses, so that the first switch into a script does not load fonts or fill glyph
 * caches in its frame (docs/technotes/0007-script-conversion.md).
 *
 * List rows and the article hold every script's text already (their layers), but the UI's own
 * strings (header, tabs, buttons, the article's actions) are shown in one script at a time. The
 * first switch into 繁體 or 香港 set them in a face and size never used before: Chromium loaded
 * that face's platform data, asked the browser process for its render style (a synchronous IPC
 * on Linux) and shaped characters it had not met in that font, 1.5–3 ms of a 16 ms frame. Here
 * the hidden box holds, per font (style, weight, size) and face, a line of the characters the UI
 * shows in that font, converted to that face's script. It stays in the document, and a switch
 * never restyles, lays out or paints it.
 */

/**
 * Each script's face (the stacks are in styles.css), the `lang` its text carries, and the mode
 * whose converter gives its characters (臺灣 reads in the 繁體 face).
 */
export const FACES = [
  { lang: 'zh-Hans', family: 'var(--heitu-font-hans)', mode: 'cn' },
  { lang: 'zh-Hant-TW', family: 'var(--heitu-font-hant)', mode: 'tw' },
  { lang: 'zh-Hant-HK', family: 'var(--heitu-font-hk)', mode: 'hk' },
] as const;

export type Face = (typeof FACES)[number];

export const WARMUP_ID = 'heitu-font-warmup';

/** The CSS `font` of an element without its family: style, weight and size. */
function computedFont(el: Element): string {
  const style = getComputedStyle(el);
  return `${style.fontStyle} ${style.fontWeight} ${style.fontSize}`;
}

/**
 * The text of their own of the elements under `root` (shadow roots included), by font. Script
 * layers (`.layer`: list rows, the article), which hold every script already, are left out.
 */
export function textByFont(
  root: ParentNode,
  fontOf: (el: Element) => string = computedFont,
): Map<string, string> {
  const texts = new Map<string, string>();
  const visit = (scope: ParentNode): void => {
    for (const el of scope.children) {
      if (el.classList.contains('layer')) continue;
      let own = '';
      for (const node of el.childNodes) if (node.nodeType === 3) own += node.nodeValue ?? '';
      own = own.trim();
      if (own !== '') {
        const font = fontOf(el);
        texts.set(font, (texts.get(font) ?? '') + own);
      }
      if (el.shadowRoot !== null) visit(el.shadowRoot);
      visit(el);
    }
  };
  visit(root);
  return texts;
}

/**
 * The hidden box, and the characters it holds per font and face: `warm` adds only what is new, so
 * it can run after every render that may show new text (an article opened, a dialog).
 */
export class FontWarmup {
  readonly #doc: Document;
  readonly #seen = new Map<string, Set<string>>();
  #box: HTMLElement | null = null;

  constructor(doc: Document) {
    this.#doc = doc;
  }

  /**
   * Adds a line per font for the characters of `texts` (textByFont) that the box does not hold
   * yet in that font and `face`, converted by `convert`, and lays them out. Returns the lines
   * added.
   */
  warm(texts: ReadonlyMap<string, string>, face: Face, convert: (text: string) => string): number {
    const box = this.#container();
    let added = 0;
    for (const [font, text] of texts) {
      const key = `${font}|${face.lang}`;
      let seen = this.#seen.get(key);
      if (seen === undefined) this.#seen.set(key, (seen = new Set()));
      let fresh = '';
      for (const char of convert(text))
        if (!seen.has(char) && /\S/u.test(char)) {
          seen.add(char);
          fresh += char;
        }
      if (fresh === '') continue;
      const line = this.#doc.createElement('div');
      line.lang = face.lang;
      line.style.font = `${font} ${face.family}`;
      line.textContent = fresh;
      box.append(line);
      added += 1;
    }
    // Laid out (and so shaped) now, in the idle time this runs in, not in the next frame.
    if (added > 0) box.getBoundingClientRect();
    return added;
  }

  #container(): HTMLElement {
    if (this.#box?.isConnected === true) return this.#box;
    const box = this.#doc.createElement('div');
    box.id = WARMUP_ID;
    box.setAttribute('aria-hidden', 'true');
    // Through the CSSOM: the page's CSP allows no style attributes.
    Object.assign(box.style, {
      position: 'absolute',
      top: '0',
      left: '0',
      width: '0',
      height: '0',
      overflow: 'hidden',
      visibility: 'hidden',
      pointerEvents: 'none',
      contain: 'strict',
      whiteSpace: 'nowrap',
    });
    this.#doc.body.append(box);
    this.#seen.clear(); // a box put back (the body was replaced) starts empty
    return (this.#box = box);
  }
}
