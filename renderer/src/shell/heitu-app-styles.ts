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
    /*
     * One row from 1024 px in every UI language: the controls keep their size, and what has to
     * give is the channel's name and the sync line (cut with an ellipsis, full text in its
     * tooltip and accessible name). Narrower windows may wrap.
     */
    header {
      display: flex;
      align-items: center;
      flex-wrap: nowrap;
      gap: 8px 14px;
      padding: 8px 16px 6px;
      border-bottom: 1px solid var(--heitu-border);
    }
    header > * {
      flex: none;
      white-space: nowrap;
    }
    h1 {
      font-size: 1.15rem;
      margin: 0;
    }
    header > .channel {
      color: var(--heitu-muted);
      margin-right: auto;
      flex: 0 1 auto;
      min-width: 2em;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    header > heitu-sync-status {
      flex: 0 1 auto;
      min-width: 6em;
    }
    @media (max-width: 1023px) {
      header {
        flex-wrap: wrap;
      }
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
    /* The reader's width, but never more than 45% of the window: the article keeps the most. */
    .list {
      flex: none;
      width: min(var(--heitu-list-width, 440px), 45%);
      min-width: min(240px, 100%);
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
    .narrow .pane,
    .list-only .list {
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
