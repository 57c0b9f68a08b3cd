/**
 * Dates as feeds and portal pages write them (RFC 822, ISO 8601, Java's Date.toString and the
 * Chinese variants) into ms since the epoch. Its own module because both feed.ts and portal.ts
 * read them, and neither needs the other's parser for that.
 */

/** China Standard Time: what a Chinese site means by a time without a zone. */
export const CHINA_OFFSET_MINUTES = 480;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * Zone names, in minutes east of UTC. CST is China Standard Time here, not US Central: Chinese
 * sites (Java's Date.toString in particular) write it, and this reader is for Chinese sites.
 */
const ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  CST: 480,
  BJT: 480,
  HKT: 480,
  JST: 540,
  KST: 540,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  BST: 60,
};

const ZONE = String.raw`(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})`;
/** 2019-05-30, 2019/5/30, 2019.05.30, 2019年5月30日, each with an optional time and zone. */
const ISO = new RegExp(
  String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?` +
    String.raw`(?:(?:T|\s+)?(\d{1,2})\s*[:\uff1a時时]\s*(\d{1,2})(?:\s*[:\uff1a分]\s*(\d{1,2})(?:[.,](\d{1,9}))?\s*秒?)?)?` +
    String.raw`\s*${ZONE}?$`,
);
/** RFC 822 / 1123: [Thu,] 30 May 2019 08:54[:03] [+0800 | GMT]. */
const RFC822 = new RegExp(
  String.raw`^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{2,4}),?\s+` +
    String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?\s*${ZONE}?$`,
);
/** Java's Date.toString: Thu May 30 08:54:03 CST 2019. */
const JAVA = new RegExp(
  String.raw`^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+${ZONE}\s+(\d{4})$`,
);

/**
 * A date in RFC 822 or ISO 8601 form (and the common Chinese variants) as ms since the epoch.
 * A time without a zone is in `defaultOffsetMinutes` (China time unless told otherwise); null
 * for anything that is not a valid date.
 */
export function parseDate(raw: string, defaultOffsetMinutes = CHINA_OFFSET_MINUTES): number | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(text);
  if (m !== null) {
    return assemble(
      {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(m[4] ?? 0),
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
        ms: m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000),
      },
      m[8],
      defaultOffsetMinutes,
    );
  }
  m = RFC822.exec(text);
  if (m !== null) {
    const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
    if (month === undefined) return null;
    let year = Number(m[3]);
    if ((m[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
    return assemble(
      {
        year,
        month,
        day: Number(m[1]),
        hour: Number(m[4]),
        minute: Number(m[5]),
        second: Number(m[6] ?? 0),
        ms: 0,
      },
      m[7],
      defaultOffsetMinutes,
    );
  }
  m = JAVA.exec(text);
  if (m !== null) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month === undefined) return null;
    return assemble(
      {
        year: Number(m[7]),
        month,
        day: Number(m[2]),
        hour: Number(m[3]),
        minute: Number(m[4]),
        second: Number(m[5]),
        ms: 0,
      },
      m[6],
      defaultOffsetMinutes,
    );
  }
  return null;
}

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
}

function assemble(p: DateParts, zone: string | undefined, defaultOffset: number): number | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31) return null;
  if (p.hour > 24 || p.minute > 59 || p.second > 60) return null;
  const offset = zone === undefined ? defaultOffset : zoneOffset(zone, defaultOffset);
  if (offset === null) return null;
  const local = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms));
  // Date.UTC rolls 31 June over into July: a day the month does not have is not a date.
  if (local.getUTCDate() !== p.day && p.hour !== 24) return null;
  return local.getTime() - offset * 60_000;
}

function zoneOffset(zone: string, defaultOffset: number): number | null {
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric !== null) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  // Single military letters and unknown abbreviations: the time is still worth more than nothing.
  return /^[A-Za-z]+$/.test(zone) ? defaultOffset : null;
}
