import { css } from 'lit';

/** Text for screen readers only: in the accessibility tree, not on screen. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The app's plain buttons: outlined, quiet, with a visible focus ring. */
export const buttonStyles = css`
  button {
    font: inherit;
    color: var(--heitu-text);
    background: none;
    border: 1px solid var(--heitu-border);
    border-radius: 6px;
    padding: 3px 10px;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--heitu-accent);
  }
  button:focus-visible {
    outline: 2px solid var(--heitu-focus);
    outline-offset: 1px;
  }
`;

/**
 * The CJK face for text that carries its own `lang` (list rows, the article): each script its
 * glyph shapes (the stacks are in styles.css). `zh-Hant-HK` comes after `zh-Hant` to win.
 */
export const scriptFonts = css`
  [lang|='zh-Hans'] {
    font-family: var(--heitu-font-hans);
  }
  [lang|='zh-Hant'] {
    font-family: var(--heitu-font-hant);
  }
  [lang='zh-Hant-HK'] {
    font-family: var(--heitu-font-hk);
  }
`;
