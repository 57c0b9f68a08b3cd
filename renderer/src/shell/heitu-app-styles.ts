import { css } from 'lit';
import { buttonStyles } from '../ui/shared-styles.ts';

/** The shell's layout: header, tabs, and the list and reading pane side by side. */
export const appStyles = [
  buttonStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      color: var(--heitu-text);
      background: var(--heitu-bg);
    }
    header {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px 14px;
      padding: 8px 16px 6px;
      border-bottom: 1px solid var(--heitu-border);
    }
    h1 {
      font-size: 1.15rem;
      margin: 0;
    }
    .channel {
      color: var(--heitu-muted);
      margin-right: auto;
    }
    header > button,
    .banner button,
    .back {
      font-size: 0.9em;
    }
    main {
      flex: 1;
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    heitu-region-tabs {
      flex: 1;
    }
    .panes {
      flex: 1;
      display: flex;
      min-height: 0;
    }
    .list {
      flex: none;
      width: var(--heitu-list-width, 440px);
      min-width: 0;
      display: flex;
      flex-direction: column;
    }
    .list > * {
      flex: 1;
      min-height: 0;
    }
    /* Rows of the view before, while a slow next one loads: dimmed after a moment, never at once. */
    .list[aria-busy='true'] > heitu-article-list {
      opacity: 0.6;
      transition: opacity 0.2s 0.4s;
    }
    .list > .indexing {
      flex: none;
      margin: 0;
      padding: 6px 16px;
      font-size: 0.875rem;
      color: var(--heitu-muted);
      border-bottom: 1px solid var(--heitu-border);
    }
    .pane {
      flex: 1;
      min-width: 0;
      display: flex;
      flex-direction: column;
    }
    .pane > heitu-reading-pane {
      flex: 1;
      min-height: 0;
    }
    .narrow .list,
    .narrow .pane {
      width: 100%;
      flex: 1;
    }
    .back {
      align-self: flex-start;
      margin: 8px 16px 0;
    }
    .banner {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 6px 16px;
      background: color-mix(in srgb, var(--heitu-accent) 12%, var(--heitu-bg));
      border-bottom: 1px solid var(--heitu-border);
    }
    .banner p {
      margin: 0;
      flex: 1;
    }
    .error {
      color: var(--heitu-error);
      padding: 16px;
    }
  `,
];
