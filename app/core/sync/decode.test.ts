import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeText } from './decode.ts';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// 长春 in GBK, 長春 in Big5, as a Chinese page would carry them.
const CHANGCHUN_GBK = [0xb3, 0xa4, 0xb4, 0xba];
const CHANGCHUN_BIG5 = [0xaa, 0xf8, 0xac, 0x4b];

test('a byte order mark wins over every declaration and is not left in the text', () => {
  const utf8Bom = decodeText(
    bytes(0xef, 0xbb, 0xbf, ...utf8('长春')),
    'text/html; charset=gbk',
    'html',
  );
  assert.deepEqual(utf8Bom, { text: '长春', charset: 'utf-8', overridden: false });

  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>长春</p>', 'utf16le')]);
  assert.deepEqual(decodeText(le, 'text/html; charset=big5', 'html'), {
    text: '<p>长春</p>',
    charset: 'utf-16le',
    overridden: false,
  });

  const be = bytes(0xfe, 0xff, 0x95, 0x77, 0x66, 0x25); // 長春 in UTF-16BE
  assert.equal(decodeText(be, null, 'json').text, '長春');
  assert.equal(decodeText(be, null, 'json').charset, 'utf-16be');
});

test('the charset in the Content-Type header decides, before anything in the document', () => {
  const page = bytes(...ascii('<meta charset="big5"><p>'), ...CHANGCHUN_GBK);
  const decoded = decodeText(page, 'text/html; Charset="GBK"', 'html');
  assert.equal(decoded.text, '<meta charset="big5"><p>长春');
  assert.equal(decoded.charset, 'gb18030');
  assert.equal(decoded.overridden, false);
});

test('every GB label reads as GB18030, including characters outside GB2312', () => {
  // 镕 is in GBK but not in GB2312; sites labelled gb2312 use it all the same.
  const gbk = iconv.encode('朱镕基在长春', 'gbk');
  for (const label of ['gb2312', 'gbk', 'x-gbk', 'cp936', 'gb_2312-80', 'gb18030', 'GB2312']) {
    const decoded = decodeText(gbk, `text/html; charset=${label}`, 'html');
    assert.equal(decoded.text, '朱镕基在长春', label);
    assert.equal(decoded.charset, 'gb18030', label);
  }
});

test('every Big5 label reads with the HKSCS table, so Hong Kong characters are real', () => {
  // FB 69 is 堃, which Node's own Big5 decoder turns into a private-use box (U+E0C6).
  const page = bytes(...CHANGCHUN_BIG5, 0xfb, 0x69);
  for (const label of ['big5', 'big5-hkscs', 'x-x-big5', 'cn-big5', 'BIG5']) {
    const decoded = decodeText(page, `text/xml; charset=${label}`, 'xml');
    assert.equal(decoded.text, '長春堃', label);
    assert.equal(decoded.text.codePointAt(2), 0x5803, label);
    assert.equal(decoded.charset, 'big5-hkscs', label);
  }
});

test('an XML feed without a header charset is read by its XML declaration', () => {
  const feed = bytes(
    ...ascii('<?xml version="1.0" encoding="GB2312"?><rss><title>'),
    ...CHANGCHUN_GBK,
    ...ascii('</title></rss>'),
  );
  const decoded = decodeText(feed, 'application/rss+xml', 'xml');
  assert.equal(
    decoded.text,
    '<?xml version="1.0" encoding="GB2312"?><rss><title>长春</title></rss>',
  );
  assert.equal(decoded.charset, 'gb18030');

  const big5 = bytes(...ascii("<?xml version='1.0' encoding='big5' ?><t>"), ...CHANGCHUN_BIG5);
  assert.equal(decodeText(big5, null, 'xml').text, "<?xml version='1.0' encoding='big5' ?><t>長春");
});

test('an HTML page without a header charset is read by its meta tag in the first 2048 bytes', () => {
  const metaCharset = bytes(
    ...ascii('<html><head><meta charset=gbk></head><h1>'),
    ...CHANGCHUN_GBK,
  );
  assert.equal(decodeText(metaCharset, 'text/html', 'html').text.slice(-2), '长春');

  const httpEquiv = bytes(
    ...ascii('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=big5"><h1>'),
    ...CHANGCHUN_BIG5,
  );
  const decoded = decodeText(httpEquiv, null, 'html');
  assert.equal(decoded.text.slice(-2), '長春');
  assert.equal(decoded.charset, 'big5-hkscs');

  // An old meta tag left in a comment does not count.
  const commented = bytes(
    ...ascii('<!-- <meta charset="big5"> --><meta charset="gbk">'),
    ...CHANGCHUN_GBK,
  );
  assert.equal(decodeText(commented, null, 'html').text.slice(-2), '长春');

  // A meta tag past the sniffing window is not believed: the page is read as UTF-8.
  const late = bytes(...ascii(' '.repeat(2100) + '<meta charset="gbk">'), ...CHANGCHUN_GBK);
  assert.equal(decodeText(late, null, 'html').charset, 'utf-8');

  // An XML declaration means nothing to an HTML page, and a meta tag nothing to XML.
  const xmlDeclInHtml = bytes(...ascii('<?xml version="1.0" encoding="gbk"?><p>'));
  assert.equal(decodeText(xmlDeclInHtml, null, 'html').charset, 'utf-8');
  const metaInXml = bytes(...ascii('<rss><meta charset="gbk"/></rss>'));
  assert.equal(decodeText(metaInXml, null, 'xml').charset, 'utf-8');
});

test('JSON is UTF-8 whatever the header says', () => {
  const json = utf8('{"city":"长春"}');
  assert.deepEqual(decodeText(json, 'application/json; charset=gbk', 'json'), {
    text: '{"city":"长春"}',
    charset: 'utf-8',
    overridden: false,
  });
});

test('a page that claims GBK or Big5 but is really UTF-8 is read as UTF-8 and flagged', () => {
  const page = utf8('<meta charset="gb2312"><h1>吉林长春</h1>');
  assert.deepEqual(decodeText(page, null, 'html'), {
    text: '<meta charset="gb2312"><h1>吉林长春</h1>',
    charset: 'utf-8',
    overridden: true,
  });
  const feed = utf8('<rss><title>香港長春</title></rss>');
  const decoded = decodeText(feed, 'application/xml; charset=big5', 'xml');
  assert.equal(decoded.text, '<rss><title>香港長春</title></rss>');
  assert.equal(decoded.overridden, true);

  // Plain ASCII is valid in both, so nothing was wrong with the declaration.
  const plain = decodeText(utf8('<p>hello</p>'), 'text/html; charset=gbk', 'html');
  assert.deepEqual(plain, { text: '<p>hello</p>', charset: 'gb18030', overridden: false });
});

test('no declaration and unknown labels fall back to UTF-8', () => {
  assert.deepEqual(decodeText(utf8('<p>长春</p>'), null, 'html'), {
    text: '<p>长春</p>',
    charset: 'utf-8',
    overridden: false,
  });
  const unknown = decodeText(utf8('长春'), 'text/html; charset=x-made-up', 'html');
  assert.deepEqual(unknown, { text: '长春', charset: 'utf-8', overridden: false });
});

test('other real charsets the browser knows are honoured', () => {
  const latin = bytes(...ascii('caf'), 0xe9);
  assert.deepEqual(decodeText(latin, 'text/html; charset=iso-8859-1', 'html'), {
    text: 'café',
    charset: 'windows-1252',
    overridden: false,
  });
  const sjis = bytes(0x93, 0x8c, 0x8b, 0x9e); // 東京
  assert.equal(decodeText(sjis, 'text/xml; charset=shift_jis', 'xml').text, '東京');
});

test('broken bytes become replacement characters instead of an error', () => {
  assert.equal(
    decodeText(bytes(0x61, 0xff, 0x62), 'text/html; charset=big5', 'html').text,
    'a\uFFFDb',
  );
  assert.equal(
    decodeText(bytes(0xb3, 0xa4, 0xff), 'text/html; charset=gbk', 'html').text,
    '长\uFFFD',
  );
  assert.equal(decodeText(bytes(0x61, 0xc3), null, 'json').text, 'a\uFFFD');
  assert.equal(decodeText(bytes(), null, 'html').text, '');
});
