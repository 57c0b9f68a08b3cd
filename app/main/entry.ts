/**
 * The installed app's entry point (electron-builder.yml: extraMetadata.main). Started with
 * `--heitu-cli`, it runs the `heitu` command instead of the desktop app: the RunAsNode fuse is
 * off, so the Linux packages' `heitu` launcher (build/linux/heitu) has no other Node to run the CLI
 * on than this process. Development keeps package.json's main (main.cjs) and `npx heitu`.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from 'electron';

const CLI_FLAG = '--heitu-cli';

interface CliModule {
  readonly main: (argv: readonly string[]) => Promise<number>;
}

async function runCli(argv: readonly string[]): Promise<void> {
  // Beside dist/main in the archive; a path, so that the bundler leaves the CLI bundle alone.
  const cli = (await import(
    pathToFileURL(join(__dirname, '..', 'cli', 'cli.mjs')).href
  )) as CliModule;
  app.exit(await cli.main(argv));
}

const at = process.argv.indexOf(CLI_FLAG);
if (at === -1) {
  createRequire(__filename)(join(__dirname, 'main.cjs'));
} else {
  runCli(process.argv.slice(at + 1)).catch((error: unknown) => {
    process.stderr.write(`heitu: ${error instanceof Error ? error.message : String(error)}\n`);
    app.exit(1);
  });
}
