/**
 * Debian's Chromium as every test, benchmark and script here launches it: never a downloaded
 * browser (this machine has no internet), `HEITU_CHROMIUM` to use another.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.HEITU_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', // required as root; the browser under test is ours, the pages are local
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--disable-quic',
    '--disable-gpu',
  ],
};
