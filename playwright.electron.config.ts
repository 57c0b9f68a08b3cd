import { defineConfig } from '@playwright/test';

/**
 * The desktop app itself, through Playwright's Electron driver (test/electron). It needs the
 * Electron binary, which downloads on first use: CI runs it (`npm run test:electron`,
 * .github/workflows/ci.yml); `npm test` does not, since the team's machines are offline.
 */
export default defineConfig({
  testDir: 'test/electron',
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 90_000,
  use: { trace: 'retain-on-failure' },
});
