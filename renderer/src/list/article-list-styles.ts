/**
 * The look of <heitu-article-list> (fixed-height rows, unread/read, active and open rows, the
 * focus ring; colours from the theme's --heitu-* variables), and the one way it sets inline
 * styles.
 */
import { css, noChange } from 'lit';
import { stripStyles } from '../script/script-layers.ts';
import { scriptFonts, visuallyHidden } from '../ui/shared-styles.ts';
import { Directive, directive, type DirectiveParameters, type ElementPart } from 'lit/directive.js';

/** Every row is this tall (px); the windowing depends on it. */
export const ROW_HEIGHT = 84;

/**
 * Sets one inline style property through the CSSOM: the renderer's CSP (style-src 'self')
 * refuses style attributes, which is how Lit's styleMap first renders.
 */
class StyleProperty extends Directive {
  #last: string | undefined;
  // The arguments are applied in update(): there is no attribute to render.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  render(name: string, value: string): unknown {
    return noChange;
  }
  override update(part: ElementPart, [name, value]: DirectiveParameters<this>): unknown {
    if (value !== this.#last) (part.element as HTMLElement).style.setProperty(name, value);
    this.#last = value;
    return noChange;
  }
}
export const styleProperty = directive(StyleProperty);

export const articleListStyles = [
  visuallyHidden,
  scriptFonts,
  stripStyles,
  css`
    :host {
      display: block;
      position: relative;
      height: 100%;
      min-height: 0;
      overflow: hidden;
      color: var(--heitu-text);
    }
    [role='listbox'] {
      box-sizing: border-box;
      height: 100%;
      overflow: hidden auto;
      overflow-anchor: none;
      overscroll-behavior: contain;
      container-type: inline-size;
      outline: none;
    }
    [role='listbox']:focus-visible {
      outline: 2px solid var(--heitu-focus);
      outline-offset: -2px;
    }
    /* The ring again above the rows, which paint over the listbox's own outline. */
    .ring {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    [role='listbox']:focus-visible + .ring {
      box-shadow: inset 0 0 0 2px var(--heitu-focus);
    }
    .spacer {
      position: relative;
      contain: size layout paint;
    }
    [role='option'] {
      --bar: 0 0 transparent;
      --ring: 0 0 transparent;
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      height: ${ROW_HEIGHT}px;
      box-sizing: border-box;
      display: grid;
      grid-template-columns: 8px minmax(0, 1fr) auto auto;
      column-gap: 8px;
      align-items: start;
      padding: 10px 6px 10px 10px;
      border-bottom: 1px solid var(--heitu-border);
      box-shadow: var(--bar), var(--ring);
      contain: strict;
      cursor: default;
      /* Options, not text to select (a row's other script layers are beside it, clipped). */
      user-select: none;
    }
    [role='option']:hover {
      background: color-mix(in srgb, var(--heitu-text) 5%, transparent);
    }
    [role='option'][aria-selected='true'] {
      --bar: inset 4px 0 0 var(--heitu-accent);
      background: color-mix(in srgb, var(--heitu-accent) 13%, transparent);
    }
    [role='option'].active {
      --ring: inset 0 0 0 2px var(--heitu-focus);
    }
    [role='option'].active:not([aria-selected='true']) {
      background: color-mix(in srgb, var(--heitu-focus) 9%, transparent);
    }
    .text {
      display: grid;
      min-width: 0;
    }
    .title,
    .meta,
    .snippet {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .title {
      line-height: 22px;
      font-weight: 400;
      color: var(--heitu-muted);
    }
    .unread .title {
      font-weight: 700;
      color: var(--heitu-text);
    }
    .meta,
    .snippet {
      line-height: 20px;
      color: var(--heitu-muted);
    }
    .meta {
      font-size: 0.8125rem;
    }
    .snippet {
      font-size: 0.875rem;
    }
    /* The matched words in the text colour: muted grey on the tint would be too faint. */
    mark {
      color: var(--heitu-text);
      background: color-mix(in srgb, var(--heitu-accent) 24%, transparent);
      border-radius: 2px;
    }
    .dot {
      width: 8px;
      height: 8px;
      margin-top: 7px;
      border-radius: 50%;
    }
    .unread .dot {
      background: var(--heitu-accent);
    }
    img {
      align-self: center;
      width: 64px;
      height: 48px;
      object-fit: cover;
      border-radius: 4px;
      background: var(--heitu-border);
    }
    .star {
      padding: 0 4px 8px;
      font-size: 1.125rem;
      line-height: 22px;
      color: var(--heitu-muted);
      cursor: pointer;
      user-select: none;
    }
    .star.on {
      color: var(--heitu-accent);
    }
    @container (max-width: 280px) {
      img {
        display: none;
      }
    }
    .more {
      position: absolute;
      left: 0;
      right: 0;
      bottom: 0;
      padding: 10px;
      text-align: center;
      font-size: 0.875rem;
      color: var(--heitu-muted);
      background: var(--heitu-bg);
      border-top: 1px solid var(--heitu-border);
      pointer-events: none;
    }
    @media (forced-colors: active) {
      [role='option'].active {
        outline: 2px solid Highlight;
        outline-offset: -2px;
      }
      [role='option'][aria-selected='true'] {
        border-left: 4px solid SelectedItem;
      }
      .unread .dot {
        background: CanvasText;
      }
    }
  `,
];
