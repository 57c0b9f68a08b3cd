// electron-builder's afterPack hook: flips Electron's fuses in the packed executable before it is
// signed, so the installed app cannot be turned into a plain Node (RunAsNode, NODE_OPTIONS,
// --inspect), reads its code only from an app.asar whose hash is checked, and keeps cookies
// encrypted. Read back by test/unit/electron-fuses.test.ts; why each: docs/technotes/0010.
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/** The fuses as shipped; every fuse @electron/fuses knows is named, none left at Electron's default. */
export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://heitu, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The packed executable (or .app bundle, whose framework @electron/fuses finds) of a build. */
export function packedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${product}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${product}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  await flipFuses(packedExecutable(context), {
    ...FUSES,
    // Flipping a fuse breaks an arm64 Mac binary's ad-hoc signature; sign it again (the real
    // signature, when there is one, comes after this hook).
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  });
}
