/**
 * A stand-in for the Electron executable (the real one cannot be downloaded here): a shell script
 * that carries Electron's fuse wire after the sentinel @electron/fuses looks for, with Electron's
 * own default states, so that a build's afterPack hook has real fuses to flip and a test can read
 * them back.
 */
import { chmodSync, writeFileSync } from 'node:fs';

/** The marker @electron/fuses searches the binary for (its constants.js). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's defaults, one character per fuse in wire order: RunAsNode on, cookie encryption off,
 * NODE_OPTIONS on, --inspect on, asar integrity off, only-from-asar off, browser V8 snapshot off,
 * file:// privileges on, and a ninth fuse @electron/fuses 1.8 does not name (newer Electrons have
 * a longer wire; the hook must leave what it does not know alone).
 */
export const ELECTRON_DEFAULT_WIRE = '101100011';

/**
 * What the installed app must have, fuse by fuse, in wire order (the ninth, unknown to
 * @electron/fuses, keeps Electron's default).
 */
export const SHIPPED_FUSES = [
  ['RunAsNode', '0'],
  ['EnableCookieEncryption', '1'],
  ['EnableNodeOptionsEnvironmentVariable', '0'],
  ['EnableNodeCliInspectArguments', '0'],
  ['EnableEmbeddedAsarIntegrityValidation', '1'],
  ['OnlyLoadAppFromAsar', '1'],
  ['LoadBrowserProcessSpecificV8Snapshot', '0'],
  ['GrantFileProtocolExtraPrivileges', '0'],
  ['(unnamed ninth fuse)', '1'],
] as const;

export function writeStandInElectron(path: string, wire = ELECTRON_DEFAULT_WIRE): void {
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho stand-in for Electron\nexit 0\n'),
      Buffer.from(FUSE_SENTINEL, 'latin1'),
      Buffer.from([1, wire.length]),
      Buffer.from(wire, 'latin1'),
      Buffer.from('\n'),
    ]),
  );
  chmodSync(path, 0o755);
}

/** The wire's states as characters ('0' off, '1' on), read back by @electron/fuses. */
export async function readFuseWire(path: string): Promise<string> {
  const { getCurrentFuseWire } = await import('@electron/fuses');
  const wire = (await getCurrentFuseWire(path)) as unknown as Record<string, unknown>;
  let states = '';
  for (let i = 0; typeof wire[i] === 'number'; i++)
    states += String.fromCharCode(wire[i] as number);
  return states;
}
