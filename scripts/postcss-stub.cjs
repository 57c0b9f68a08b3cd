// Stands in for postcss in the app's bundles. sanitize-html requires postcss when it loads, and
// calls it only to filter the `style` attributes of an allowlist that allows them; ours allows
// none and turns style parsing off (app/core/sanitize.ts), so loading postcss (≈ 10 MB of RSS in
// each process that sanitises) bought nothing. Tests run from source with the real one.
'use strict';
module.exports = {
  parse() {
    throw new Error(
      'postcss is not bundled: style attributes are never kept (app/core/sanitize.ts)',
    );
  },
};
