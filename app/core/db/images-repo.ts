/** The image cache: bytes kept in the library so articles read offline. Exports are the API. */
import type { Database } from './database.ts';

export interface NewImage {
  readonly url: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
  readonly fetchedAt: number;
}

export interface ImagesRepo {
  /** The cached image for this URL, if any. */
  idForUrl(url: string): number | null;
  /** Stores the image (once per URL) and returns its id. */
  store(image: NewImage): number;
  /** Replaces the article's images with these, in order. */
  link(articleId: number, imageIds: readonly number[]): void;
  get(id: number): { mime: string; bytes: Buffer } | null;
}

export function imagesRepo(db: Database): ImagesRepo {
  const byUrl = db.prepare<[string], number>('SELECT id FROM images WHERE url = ?').pluck();
  const insert = db.prepare<[string, string, number, number, Uint8Array]>(
    'INSERT INTO images (url, mime, size, fetched_at, bytes) VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING',
  );
  const unlink = db.prepare<[number]>('DELETE FROM article_images WHERE article_id = ?');
  const linkOne = db.prepare<[number, number, number]>(
    'INSERT OR IGNORE INTO article_images (article_id, image_id, position) VALUES (?, ?, ?)',
  );
  const getOne = db.prepare<[number], { mime: string; bytes: Buffer }>(
    'SELECT mime, bytes FROM images WHERE id = ?',
  );
  return {
    idForUrl: (url) => byUrl.get(url) ?? null,
    store(image) {
      insert.run(image.url, image.mime, image.bytes.byteLength, image.fetchedAt, image.bytes);
      const id = byUrl.get(image.url);
      if (id === undefined) throw new Error(`image ${image.url} was not stored`);
      return id;
    },
    link(articleId, imageIds) {
      unlink.run(articleId);
      imageIds.forEach((imageId, position) => linkOne.run(articleId, imageId, position));
    },
    get: (id) => getOne.get(id) ?? null,
  };
}
