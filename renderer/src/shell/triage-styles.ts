import { css } from 'lit';

/** The bar above the list (search count, unread only, mark read) and the notice below it. */
export const triageStyles = css`
  .list > .list-bar,
  .list > .notice {
    flex: none;
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 0;
    padding: 4px 12px;
    font-size: 0.8125rem;
    color: var(--heitu-muted);
  }
  .list > .list-bar {
    border-bottom: 1px solid var(--heitu-border);
  }
  .list-bar .count {
    margin-inline-end: auto;
  }
  .list-bar button[aria-pressed='true'] {
    color: var(--heitu-text);
    border-color: var(--heitu-accent);
  }
  .list > .notice {
    border-top: 1px solid var(--heitu-border);
    color: var(--heitu-text);
  }
  .list > .notice.idle {
    padding: 0;
    border: 0;
  }
`;
