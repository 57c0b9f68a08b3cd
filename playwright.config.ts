import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './test/support/chromium.ts';

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser: this machine has no
 * internet) against browser mode, which a fixture starts per test with its own data folder.
 */
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    locale: 'zh-TW',
    launchOptions: CHROMIUM_LAUNCH,
    trace: 'retain-on-failure',
  },
});
