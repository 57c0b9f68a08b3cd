/** Test helper for the fixture site's own tests: a raw HTTP GET. */
import { get, type IncomingMessage } from 'node:http';

/** A raw GET that neither decompresses nor follows redirects. */
export function rawGet(
  target: string,
  headers: Record<string, string> = {},
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(target, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ res, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}
