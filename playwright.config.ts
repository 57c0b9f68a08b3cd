import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser: this machine has no
 * internet) against browser mode, which a fixture starts per test with its own data folder.
 */
const chromiumFlags = [
  '--no-sandbox', // required as root; the browser under test is ours, the pages are local
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
];

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
    launchOptions: {
      executablePath: process.env.HEITU_CHROMIUM ?? '/usr/bin/chromium',
      args: chromiumFlags,
    },
    trace: 'retain-on-failure',
  },
});
