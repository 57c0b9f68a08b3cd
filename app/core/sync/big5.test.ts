import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBig5 } from './big5.ts';

const hkscs = (bytes: Uint8Array): string => iconv.decode(Buffer.from(bytes), 'big5hkscs');

test('every Big5 byte pair, alone and between ASCII, reads as iconv-lite big5hkscs reads it', () => {
  let differing = 0;
  for (let lead = 0x80; lead <= 0xff; lead += 1)
    for (let trail = 0x00; trail <= 0xff; trail += 1) {
      const doc = Uint8Array.of(0x41, lead, trail, 0x42);
      if (decodeBig5(doc) !== hkscs(doc)) differing += 1;
      const alone = Uint8Array.of(lead, trail);
      if (decodeBig5(alone) !== hkscs(alone)) differing += 1;
    }
  assert.equal(differing, 0);
});

test('mixed Big5 documents, Hong Kong characters and broken bytes included, read as iconv-lite reads them', () => {
  // A fixed pseudo-random walk over common characters (長春 …), HKSCS ones (堃 FB 69, 8B 4E),
  // ASCII, stray lead bytes at the end and 0x80/0xFF bytes.
  const pieces = [
    [0xaa, 0xf8, 0xac, 0x4b],
    [0xfb, 0x69],
    [0x8b, 0x4e],
    [0x3c, 0x70, 0x3e],
    [0x80],
    [0xff],
    [0xa4, 0x40],
    [0xa1, 0x41],
    [0xc6, 0xa1],
    [0xf9, 0xfe],
  ];
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 500; round += 1) {
    const bytes: number[] = [];
    for (let i = 0, n = next(40); i < n; i += 1) bytes.push(...(pieces[next(pieces.length)] ?? []));
    if (next(4) === 0) bytes.push(0xaa); // a lead byte cut off at the end
    const doc = Uint8Array.from(bytes);
    assert.equal(
      decodeBig5(doc),
      hkscs(doc),
      `round ${round}: ${Buffer.from(doc).toString('hex')}`,
    );
  }
  assert.equal(decodeBig5(Uint8Array.of(0xfb, 0x69)), '堃');
  assert.equal(decodeBig5(Uint8Array.of(0xaa, 0xf8, 0xac, 0x4b)), '長春');
});
