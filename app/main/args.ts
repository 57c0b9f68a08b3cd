/** The desktop app's own command-line options (`heitu-reader --sources FILE`). */
export function optionValue(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === `--${name}`) return argv[i + 1] ?? null;
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return null;
}
