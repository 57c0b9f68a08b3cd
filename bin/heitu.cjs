#!/usr/bin/env node
// The `heitu` command. Plain CommonJS so that a too-old Node reaches the version check and
// prints one line instead of a syntax error or a crash inside better-sqlite3.
'use strict';
var path = require('node:path');
var fs = require('node:fs');
var url = require('node:url');

require('../scripts/check-node.cjs');

var entry = path.join(__dirname, '..', 'dist', 'cli', 'cli.mjs');
if (!fs.existsSync(entry)) {
  process.stderr.write('heitu: the app is not built yet; run `npm run build` first.\n');
  process.exit(1);
}
import(url.pathToFileURL(entry).href)
  .then(function (cli) {
    return cli.main(process.argv.slice(2));
  })
  .then(function (code) {
    process.exitCode = code;
  })
  .catch(function (error) {
    process.stderr.write(
      'heitu: ' + (error && error.message ? error.message : String(error)) + '\n',
    );
    process.exitCode = 1;
  });
