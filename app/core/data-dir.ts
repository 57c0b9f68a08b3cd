import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The product name; Electron names its per-user folder after it. */
export const PRODUCT_NAME = 'Heitu Reader';

export const DATABASE_FILE = 'heitu.sqlite3';

/**
 * The per-user data folder. The desktop app sets Electron's `userData` path to this, and the CLI
 * and browser mode use it by default, so all three read the same library. The rule is Electron's
 * own: %APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or
 * ~/.config elsewhere, plus the product name. HEITU_DATA_DIR overrides it everywhere.
 */
export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.HEITU_DATA_DIR;
  if (override !== undefined && override !== '') return resolve(override);
  let appData: string;
  if (platform === 'win32') appData = env.APPDATA ?? join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') appData = join(home, 'Library', 'Application Support');
  else appData = env.XDG_CONFIG_HOME ?? join(home, '.config');
  return join(appData, PRODUCT_NAME);
}
