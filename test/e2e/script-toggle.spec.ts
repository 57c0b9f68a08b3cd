import { createScriptConverter } from '../../app/shared/script-convert.ts';
import type { ScriptMode } from '../../app/shared/settings.ts';
import type { Locator, Page } from '@playwright/test';
import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';

/** What each mode must show for fixed text: a tab, the app name, a UI label, and `lang`. */
const EXPECTED: Readonly<
  Record<ScriptMode, { tab: string; app: string; search: string; lang: RegExp }>
> = {
  original: { tab: '長春', app: '黑土閱讀', search: '搜尋文章', lang: /^zh-Han[st]$/ },
  cn: { tab: '长春', app: '黑土阅读', search: '搜索文章', lang: /^zh-Hans$/ },
  tw: { tab: '長春', app: '黑土閱讀', search: '搜尋文章', lang: /^zh-Hant-TW$/ },
  twp: { tab: '長春', app: '黑土閱讀', search: '搜尋文章', lang: /^zh-Hant-TW$/ },
  hk: { tab: '長春', app: '黑土閲讀', search: '搜尋文章', lang: /^zh-Hant-HK$/ },
};
/** The Noto Sans CJK face (installed by .ci/run) that must render the article in each mode. */
const FACE: Readonly<Record<ScriptMode, string>> = {
  original: 'Noto Sans CJK SC', // the article shown is a Simplified one
  cn: 'Noto Sans CJK SC',
  tw: 'Noto Sans CJK TC',
  twp: 'Noto Sans CJK TC',
  hk: 'Noto Sans CJK HK',
};

const ARTICLE_TITLE = `document.querySelector('heitu-app').shadowRoot.querySelector('heitu-reading-pane').shadowRoot.querySelector('article h1')`;

/**
 * The fonts Chromium actually rendered an element's text with (DevTools' "Rendered Fonts"): the
 * glyph shapes, not just the CSS. `element` is an expression for it (the article's title).
 */
async function renderedFonts(page: Page, element = ARTICLE_TITLE): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { result } = await cdp.send('Runtime.evaluate', { expression: element });
    const { nodeId } = await cdp.send('DOM.requestNode', { objectId: result.objectId ?? '' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

/**
 * The lang and title of each of a list row's script layers that is in view: inside the row's
 * text column, which clips the strip of layers to one (script-layers.ts, stripStyles).
 */
function layersInView(row: Locator): Promise<{ lang: string | null; title: string }[]> {
  return row.evaluate((el) => {
    const clip = el.querySelector('.clip')?.getBoundingClientRect();
    if (clip === undefined) return [];
    return [...el.querySelectorAll('.layer')]
      .filter((layer) => {
        const box = layer.getBoundingClientRect();
        return box.width > 0 && box.left < clip.right - 0.5 && box.right > clip.left + 0.5;
      })
      .map((layer) => ({
        lang: layer.getAttribute('lang'),
        title: layer.querySelector('.title')?.textContent ?? '',
      }));
  });
}

const LABELS: Readonly<Record<ScriptMode, string>> = {
  original: '原文',
  cn: '简体',
  tw: '繁體',
  twp: '臺灣',
  hk: '香港',
};

test('every mode converts titles, the body, tabs and UI labels, sets lang, and 原文 restores the published text', async ({
  page,
}) => {
  const lib = await makeLibrary({ articlesPerRegion: 4, synced: true });
  const articles = lib.site.portalArticles('changchun');
  // One article of each script, so both directions are seen.
  const hans = articles.find((a) => a.script === 'hans') ?? articles[0]!;
  await lib.site.close();
  const web = await startWeb(lib.dataDir);
  try {
    await page.goto(web.url);
    const group = page.getByRole('radiogroup', { name: '文字' });
    await expect(group.getByRole('radio')).toHaveText(['原文', '简体', '繁體', '臺灣', '香港']);
    // A zh-TW system: 繁體 until the reader picks a script.
    await expect(group.getByRole('radio', { name: '繁體' })).toHaveAttribute(
      'aria-checked',
      'true',
    );

    await page.getByRole('tab', { name: /^長春/ }).click();
    const list = page.getByRole('listbox');
    await list.getByRole('option').nth(articles.indexOf(hans)).click();
    const article = page.getByRole('article');
    // The body holds a layer per script (laid out ahead, in idle time); one is visible.
    const layers = article.locator('#body > .layer');
    const body = layers.locator('p:visible').first();

    for (const mode of ['cn', 'tw', 'twp', 'hk', 'original'] as const) {
      await group.getByRole('radio', { name: LABELS[mode] }).click();
      const convert = createScriptConverter(mode);
      const want = EXPECTED[mode];
      const title = convert.convert(hans.title, 'hans');
      await expect(page.getByRole('tab', { name: new RegExp(`^${want.tab}`) })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await expect(page.getByRole('heading', { level: 1, name: want.app })).toBeVisible();
      await expect(page.getByRole('searchbox', { name: want.search })).toBeVisible();
      await expect(article.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(list.getByRole('option', { name: title })).toBeVisible();
      const paragraph = await body.textContent();
      expect(paragraph?.trim()).toBe(convert.convert(hans.paragraphs[0]!, 'hans').trim());
      // The header (title, meta line) and the body's layer in force each carry the lang.
      await expect(article.locator('header')).toHaveAttribute(
        'lang',
        mode === 'original' ? 'zh-Hans' : want.lang,
      );
      const shown = article.locator('#body > .layer:visible');
      await expect(shown).toHaveCount(1);
      await expect(shown).toHaveAttribute('lang', mode === 'original' ? 'zh-Hans' : want.lang);
      // Each row shows the layer of the mode in force, with its lang; the others are out of view.
      const row = list.getByRole('option', { name: title });
      await expect
        .poll(() => layersInView(row))
        .toEqual([{ lang: expect.stringMatching(want.lang), title }]);
      // The UI's containers follow the mode; the document keeps the UI language (zh-TW).
      const ui = mode === 'original' ? 'zh-Hant-TW' : want.lang;
      await expect(page.getByRole('banner')).toHaveAttribute('lang', ui);
      await expect(page.getByRole('tablist')).toHaveAttribute('lang', ui);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW');
      // The lang chooses the face, so each script gets its own glyph shapes.
      expect(await renderedFonts(page), LABELS[mode]).toEqual([FACE[mode]]);
    }
    // 原文 is exactly as published, title and body.
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(hans.title);
    expect((await body.textContent())?.trim()).toBe(hans.paragraphs[0]!.trim());
    for (const [i, a] of articles.entries())
      await expect(list.getByRole('option').nth(i)).toHaveAccessibleName(a.title);

    // The choice persists; `t` cycles on from it.
    await group.getByRole('radio', { name: '香港' }).click();
    await page.reload();
    await expect(
      page.getByRole('radiogroup', { name: '文字' }).getByRole('radio', { name: '香港' }),
    ).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByRole('banner')).toHaveAttribute('lang', 'zh-Hant-HK');
    await page.keyboard.press('t');
    await expect(page.getByRole('radio', { name: '原文' })).toHaveAttribute('aria-checked', 'true');
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});

test('ahead of the first switch, the UI is set out of sight in every script, in its own face', async ({
  page,
}) => {
  const lib = await makeLibrary({ articlesPerRegion: 2, synced: true });
  await lib.site.close();
  const web = await startWeb(lib.dataDir);
  try {
    await page.goto(web.url);
    await expect(page.getByRole('heading', { level: 1, name: '黑土閱讀' })).toBeVisible();
    // Once every converter is built (idle time after the first list), the hidden box holds a line
    // per font and face; it is hidden from sight and from assistive technology.
    const box = page.locator('#heitu-font-warmup');
    await expect(box).toBeAttached({ timeout: 15_000 });
    await expect(box).toBeHidden();
    await expect(box).toHaveAttribute('aria-hidden', 'true');
    const heading = page.getByRole('banner').getByRole('heading', { level: 1 });
    const font = await heading.evaluate((h) => {
      const style = getComputedStyle(h);
      return `${style.fontStyle} ${style.fontWeight} ${style.fontSize}`;
    });
    const cases = [
      { lang: 'zh-Hans', app: EXPECTED.cn.app, face: FACE.cn },
      { lang: 'zh-Hant-TW', app: EXPECTED.tw.app, face: FACE.tw },
      { lang: 'zh-Hant-HK', app: EXPECTED.hk.app, face: FACE.hk },
    ];
    for (const { lang, app, face } of cases) {
      // The heading's font in this face holds the app's name as this script writes it (polled:
      // each face is set in an idle callback of its own).
      const lines = box.locator(`div[lang="${lang}"]`);
      const missing = (): Promise<string[]> =>
        lines.evaluateAll(
          (els, [f, name]) => {
            const text = els
              .filter((el) => {
                const style = getComputedStyle(el);
                return `${style.fontStyle} ${style.fontWeight} ${style.fontSize}` === f;
              })
              .map((el) => el.textContent)
              .join('');
            return Array.from(name).filter((char) => !text.includes(char));
          },
          [font, app] as const,
        );
      await expect.poll(missing, { message: `${lang}: ${app}`, timeout: 15_000 }).toEqual([]);
      // And Chromium has set it in that face.
      expect(
        await renderedFonts(
          page,
          `document.querySelector('#heitu-font-warmup div[lang="${lang}"]')`,
        ),
        lang,
      ).toContain(face);
    }
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});
