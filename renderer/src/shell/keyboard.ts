/**
 * The reader's keyboard shortcuts as data: a key press in, an action out. The app shell decides
 * whether a press is for it (not typed into a field, no dialog open) and performs the action.
 */
export type ShortcutAction =
  | { readonly kind: 'move'; readonly by: 1 | -1 }
  | { readonly kind: 'open' }
  | { readonly kind: 'bookmark' }
  | { readonly kind: 'toggleRead' }
  | { readonly kind: 'sync' }
  | { readonly kind: 'tab'; readonly index: number }
  | { readonly kind: 'search' }
  | { readonly kind: 'cycleScript' }
  | { readonly kind: 'help' }
  // Triage (issue 18)
  | { readonly kind: 'page' }
  | { readonly kind: 'nextUnread' }
  | { readonly kind: 'openOriginal' }
  | { readonly kind: 'copyLink' }
  | { readonly kind: 'markTabRead' }
  | { readonly kind: 'unreadOnly' }
  | { readonly kind: 'stepTab'; readonly by: 1 | -1 };

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** The action for a key press, or null when the key is not a shortcut. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  switch (press.key) {
    case 'j':
      return { kind: 'move', by: 1 };
    case 'k':
      return { kind: 'move', by: -1 };
    case 'o':
    case 'Enter':
      return { kind: 'open' };
    case 's':
      return { kind: 'bookmark' };
    case 'm':
      return { kind: 'toggleRead' };
    case 'r':
      return { kind: 'sync' };
    case '/':
      return { kind: 'search' };
    case 't':
      return { kind: 'cycleScript' };
    case '?':
      return { kind: 'help' };
    case ' ':
      return { kind: 'page' };
    case 'n':
      return { kind: 'nextUnread' };
    case 'v':
      return { kind: 'openOriginal' };
    case 'c':
      return { kind: 'copyLink' };
    case 'A':
      return { kind: 'markTabRead' };
    case 'u':
      return { kind: 'unreadOnly' };
    case ']':
      return { kind: 'stepTab', by: 1 };
    case '[':
      return { kind: 'stepTab', by: -1 };
    default:
      break;
  }
  // 1 … 9 are the first nine tabs, 0 the tenth.
  if (/^[0-9]$/.test(press.key)) {
    const digit = Number(press.key);
    return { kind: 'tab', index: digit === 0 ? 9 : digit - 1 };
  }
  return null;
}

/** The index `by` steps from `current` in a list of `length`, clamped; -1 for an empty list. */
export function stepIndex(current: number, by: number, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return by > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + by));
}
