/**
 * The unread badge on Windows (issue 18's "noticed"): `app.setBadgeCount` does nothing there, so
 * the taskbar button gets an overlay icon instead (`BrowserWindow.setOverlayIcon`), a small image
 * of the number with a description for screen readers. The images are rendered ahead by
 * scripts/make-icons.mjs (build/badges, shipped with the Windows app); this module names them and
 * says the words. Pure: app/main/announce.ts and the icon script both use it.
 */
import { catalogueFor, type Locale } from './locale.ts';
import type { ScriptMode } from './settings.ts';

/** Every badge image there is: one to nine, then "9+" (a 16-pixel icon has room for two glyphs). */
export const BADGE_LABELS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '9+'] as const;
export type BadgeLabel = (typeof BADGE_LABELS)[number];

/** The badge's label for `unread` articles; null for none (no overlay). */
export function badgeLabel(unread: number): BadgeLabel | null {
  if (!Number.isFinite(unread) || unread < 1) return null;
  return unread > 9 ? '9+' : (BADGE_LABELS[Math.floor(unread) - 1] ?? null);
}

/**
 * The image file of `label` (16 × 16); `…@2x.png` beside it is the 32 × 32 one, which Electron's
 * `nativeImage.createFromPath` picks up for a display at 200 %.
 */
export function badgeFile(label: BadgeLabel, scale: 1 | 2 = 1): string {
  const name = label === '9+' ? '9plus' : label;
  return `badge-${name}${scale === 2 ? '@2x' : ''}.png`;
}

const UNREAD: Readonly<Record<Locale, (n: number) => string>> = {
  'zh-Hant': (n) => `${n} 篇未讀文章`,
  'zh-Hans': (n) => `${n} 篇未读文章`,
  en: (n) => `${n} unread article${n === 1 ? '' : 's'}`,
};

/**
 * What the overlay says to a screen reader: the exact number (the image stops at 9+), in the UI
 * language worded for the reader's script (a 繁體中文 UI read in 简体 says 未读, as the window does).
 */
export function badgeDescription(unread: number, locale: Locale, mode: ScriptMode): string {
  return UNREAD[catalogueFor(locale, mode)](Math.max(0, Math.floor(unread)));
}
