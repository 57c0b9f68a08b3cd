/**
 * The project dictionary for script toggling: phrases that opencc-js 1.4.2 converts wrongly,
 * with the reviewed right form in each script. The converter (script-convert.ts) protects every
 * form of every entry from OpenCC and puts the right form for the target in its place, longest
 * phrase first.
 *
 * Reviewed data: add an entry only when OpenCC is shown to get the phrase wrong (the test in
 * script-convert.test.ts checks every entry in every mode). OpenCC already gets the Jilin region
 * names right (长春, 辽源, 延边, 松原, 长白山保护开发区, both directions), so they are tested but are
 * not entries: an entry 松原 would also catch 轻松原来, which OpenCC rightly makes 輕鬆原來.
 */

export interface ScriptDictionaryEntry {
  /** 简体, as found in Simplified text. */
  readonly hans: string;
  /** 繁體 (OpenCC Taiwan standard). */
  readonly tw: string;
  /** 香港. */
  readonly hk: string;
  /** 臺灣 with Taiwan phrases; the `tw` form when absent. */
  readonly twp?: string;
  /** Why the entry is here: what OpenCC does instead. */
  readonly note: string;
}

export const SCRIPT_DICTIONARY: readonly ScriptDictionaryEntry[] = [
  {
    hans: '政府干预',
    tw: '政府干預',
    hk: '政府干預',
    note: 'OpenCC: 政府幹預 (府干 segmented as 幹); 干预 alone is right.',
  },
  {
    hans: '粉丝发布',
    tw: '粉絲發布',
    hk: '粉絲發布',
    note: 'OpenCC: 粉絲髮布 (丝发 taken as 絲髮, silk hair).',
  },
  {
    hans: '现金发放',
    tw: '現金發放',
    hk: '現金發放',
    note: 'OpenCC: 現金髮放 (金发 taken as 金髮, blond hair).',
  },
  {
    hans: '前头发生',
    tw: '前頭發生',
    hk: '前頭發生',
    note: 'OpenCC: 前頭髮生 (头发 taken as 頭髮, hair).',
  },
  {
    hans: '一只只',
    tw: '一隻隻',
    hk: '一隻隻',
    note: 'OpenCC: 一隻只 (the reduplicated measure word keeps only its first 隻).',
  },
  {
    hans: '一只只有',
    tw: '一隻只有',
    hk: '一隻只有',
    note: 'Guard for 一只只: here it is 一只 + 只有 (only has), which OpenCC gets right.',
  },
  {
    hans: '余华',
    tw: '余華',
    hk: '余華',
    note: 'OpenCC: 餘華. 余 is the surname (the novelist 余华), never 餘.',
  },
  {
    hans: '余先生',
    tw: '余先生',
    hk: '余先生',
    note: 'OpenCC: 餘先生. 余 is the surname.',
  },
  {
    hans: '其余先生',
    tw: '其餘先生',
    hk: '其餘先生',
    note: 'Guard for 余先生: here it is 其余 (the other) + 先生, which OpenCC gets right.',
  },
];
