/**
 * Why a feed cannot be read, worded for the reader: the parser only finds that it failed, so the
 * document is looked at again to say whether it is broken XML (and where), JSON, a web page, or
 * some other XML.
 */

/** A feed or page that cannot be read; the message is written for the reader. */
export class ParseError extends Error {
  override name = 'ParseError';
}

/** The ParseError for a feed whose XML is not well-formed. */
export function malformedXml(source: string): ParseError {
  return new ParseError(xmlProblem(source) ?? 'The feed is not valid XML.');
}

/** The ParseError for JSON that does not parse. */
export function malformedJson(error: unknown): ParseError {
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return new ParseError(`The feed is not valid JSON${detail}.`);
}

/** The ParseError for a document that is no feed: a web page, other XML or JSON, or neither. */
export function notAFeed(source: string): ParseError {
  if (/^[[{]/.test(source)) {
    return new ParseError('The document is JSON but not a JSON Feed (it has no "items").');
  }
  if (/^(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>])/i.test(source)) {
    return new ParseError('The address returned a web page (HTML), not a feed.');
  }
  if (source.startsWith('<')) {
    const problem = xmlProblem(source);
    if (problem !== null) return new ParseError(problem);
    const root = /<([A-Za-z_][\w:.-]*)/.exec(source.replace(/<[?!][\s\S]*?>/g, ''))?.[1];
    return new ParseError(
      `The document is XML but not an RSS, Atom or RDF feed (its root is <${root ?? '?'}>).`,
    );
  }
  return new ParseError('The document is not a feed (neither XML nor JSON).');
}

const XML_TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>|</g;

/**
 * Where a document stops being well-formed XML, as a message with a line number ("The feed is
 * not valid XML (line 3): …"), or null if the tags balance. Only for the error message: the
 * parser (feed-xml.ts) decides what is malformed.
 */
export function xmlProblem(source: string): string | null {
  const stack: { name: string; at: number }[] = [];
  const lineAt = (index: number): number => source.slice(0, index).split('\n').length;
  const fail = (index: number, what: string): string =>
    `The feed is not valid XML (line ${lineAt(index)}): ${what}.`;
  for (const m of source.matchAll(XML_TOKEN)) {
    const [token] = m;
    const closing = m[1];
    const opening = m[2];
    if (closing !== undefined) {
      const open = stack.pop();
      if (open === undefined) return fail(m.index, `</${closing}> closes nothing`);
      if (open.name !== closing) {
        return fail(m.index, `</${closing}> where </${open.name}> was expected`);
      }
    } else if (opening !== undefined) {
      if (m[3] !== '/') stack.push({ name: opening, at: m.index });
    } else if (token === '<') {
      const truncated = !source.includes('>', m.index);
      return fail(
        m.index,
        truncated ? 'the document ends inside a tag' : 'a “<” that starts no tag',
      );
    }
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) return fail(unclosed.at, `<${unclosed.name}> is never closed`);
  return null;
}
