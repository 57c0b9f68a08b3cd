import { after, before } from 'node:test';
import { startFixtureSite, type FixtureSite } from './fixture-site.ts';

/**
 * Starts the fixture site the fixture-site tests share (45 articles a region, pages of 20, seed 7)
 * before the file's tests and closes it after them; `use` receives it once it is up.
 */
export function useTestSite(use: (site: FixtureSite) => void): void {
  let site: FixtureSite | undefined;
  before(async () => {
    site = await startFixtureSite({ articlesPerRegion: 45, pageSize: 20, seed: 7 });
    use(site);
  });
  after(async () => {
    await site?.close();
  });
}
