import { shortcutFor } from './keyboard.ts';
import type { HeituApp } from './heitu-app.ts';

/** Fields where keys are text, not shortcuts. */
function isTyping(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'range', 'button'].includes(target.type)
  );
}

/**
 * The global keyboard shortcuts (renderer/src/shell/keyboard.ts has the map). Keys typed into a field,
 * keys meant for an open dialog, and Enter on a control are left alone; after every action focus
 * is on something visible (the list when nothing else had it).
 */
export function handleShortcut(app: HeituApp, event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  const path = event.composedPath();
  if (isTyping(path[0])) return;
  if (path.some((node) => node instanceof HTMLDialogElement)) return;
  const action = shortcutFor(event);
  if (action === null) return;
  const target = path[0];
  // Enter activates whatever control has focus; the list handles its own Enter.
  if (event.key === 'Enter' && target !== document.body && target !== app) return;
  const reader = app.reader;
  const focusList = (): void => {
    const active = document.activeElement;
    if (active === null || active === document.body) app.list?.focusList();
  };
  switch (action.kind) {
    case 'move':
      reader.move(action.by);
      focusList();
      break;
    case 'open':
      if (reader.activeId !== null) void app.openArticle(reader.activeId);
      break;
    case 'bookmark': {
      const id = reader.activeId ?? reader.openId;
      if (id !== null) void reader.setBookmark(id, !reader.isBookmarked(id));
      break;
    }
    case 'toggleRead': {
      const id = reader.activeId ?? reader.openId;
      if (id !== null) void reader.setRead(id, reader.isUnread(id));
      break;
    }
    case 'sync':
      app.sync();
      break;
    case 'tab': {
      const region = app.regions[action.index];
      if (region === undefined) return;
      app.tabs?.selectTab(region.id);
      focusList();
      break;
    }
    case 'search':
      app.searchBox?.focusField();
      break;
    case 'cycleScript':
      app.cycleScript();
      break;
    case 'help':
      app.helpOverlay.open(
        document.activeElement instanceof HTMLElement ? document.activeElement : undefined,
      );
      break;
  }
  event.preventDefault();
}
