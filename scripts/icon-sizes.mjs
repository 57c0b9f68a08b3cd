// The icon sizes each platform needs, shared by scripts/make-icons.mjs and its test.

/** Linux: the hicolor theme's usual sizes; electron-builder installs each as <n>x<n>.png. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/** Windows: 16–48 for lists and the taskbar, 256 for large tiles (electron-builder needs 256). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** macOS: each PNG slot of the icns format and its pixel size (@2x slots included). */
export const ICNS_TYPES = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
};
