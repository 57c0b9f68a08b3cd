/**
 * Formatting helpers shared by the fixture site's modules: China-time dates in the forms the
 * channel and its feeds print, HTML escaping, HTTP dates and the legacy encodings (GBK, GB18030,
 * Big5-HKSCS) some pages and feeds are served in.
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';

/** A response body with its type and validators, as the server sends it. */
export interface Rendered {
  readonly status?: number;
  readonly body: Buffer;
  readonly type: string;
  readonly lastModified: number;
  readonly headers?: Readonly<Record<string, string>>;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const CHINA_OFFSET = 8 * 3_600_000;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function chinaParts(ms: number): { ymd: string; date: string; time: string; d: Date } {
  const d = new Date(ms + CHINA_OFFSET);
  const y = d.getUTCFullYear();
  const mo = pad(d.getUTCMonth() + 1);
  const da = pad(d.getUTCDate());
  return {
    ymd: `${y}${mo}${da}`,
    date: `${y}-${mo}-${da}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    d,
  };
}

/** `2026-11-20 08:54:03`, China time, as the channel prints it. */
export function chinaTime(ms: number): string {
  const p = chinaParts(ms);
  return `${p.date} ${p.time}`;
}

export function rfc822China(ms: number): string {
  const p = chinaParts(ms);
  const dayName = DAYS[p.d.getUTCDay()] ?? 'Mon';
  const month = MONTHS[p.d.getUTCMonth()] ?? 'Jan';
  return `${dayName}, ${pad(p.d.getUTCDate())} ${month} ${p.d.getUTCFullYear()} ${p.time} +0800`;
}

export function isoChina(ms: number): string {
  const p = chinaParts(ms);
  return `${p.date}T${p.time}+08:00`;
}

export const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

/** Strings a Big5 page can carry: the usual Traditional variants where the corpus uses others. */
export function big5Safe(text: string): string {
  const swapped = text.replace(/説/g, '說').replace(/産/g, '產');
  let out = '';
  for (const ch of swapped) {
    if (
      ch.charCodeAt(0) < 0x80 ||
      iconv.decode(iconv.encode(ch, 'big5hkscs'), 'big5hkscs') === ch
    ) {
      out += ch;
    }
  }
  return out;
}

/** Encodes with iconv-lite and insists nothing was lost (a lossy fixture would be a bug here). */
export function encodeExact(text: string, encoding: 'big5hkscs' | 'gbk'): Buffer {
  const bytes = iconv.encode(text, encoding);
  if (iconv.decode(bytes, encoding) !== text) {
    throw new Error(`fixture-site: text does not survive ${encoding}`);
  }
  return bytes;
}

export function encodeGb(text: string, encoding: 'gbk' | 'gb18030'): Buffer {
  if (encoding === 'gbk') {
    const bytes = iconv.encode(text, 'gbk');
    if (iconv.decode(bytes, 'gbk') === text) return bytes;
  }
  return iconv.encode(text, 'gb18030');
}
