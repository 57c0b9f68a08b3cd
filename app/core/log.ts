/**
 * A small logger per module. Lines go to stderr so that stdout stays clean for CLI output
 * (`--json`). HEITU_LOG sets the threshold: debug, info, warn (default), error, silent.
 */
const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
type Level = (typeof LEVELS)[number];

function threshold(): number {
  const wanted = process.env.HEITU_LOG ?? 'warn';
  const index = LEVELS.indexOf(wanted as Level);
  return index === -1 ? LEVELS.indexOf('warn') : index;
}

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export function createLogger(module: string): Logger {
  const write = (level: Exclude<Level, 'silent'>, message: string, detail?: unknown): void => {
    if (LEVELS.indexOf(level) < threshold()) return;
    const suffix = detail === undefined ? '' : ` ${describe(detail)}`;
    process.stderr.write(`${new Date().toISOString()} ${level} [${module}] ${message}${suffix}\n`);
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

/**
 * An error in words. SQLite's own errors (a damaged file, a full disk, a busy library) are
 * conditions the app handles and explains, not bugs: their code and message, without a stack
 * trace on the reader's terminal. Anything else keeps its stack for whoever reads the log.
 */
function describe(detail: unknown): string {
  if (!(detail instanceof Error)) return JSON.stringify(detail);
  const code = (detail as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return `${code}: ${detail.message}`;
  return detail.stack ?? detail.message;
}
