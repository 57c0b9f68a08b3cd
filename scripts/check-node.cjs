// Runs under whatever `node` is first on PATH, so it is plain CommonJS with old syntax.
// Heitu Reader needs Node 22.12+ (better-sqlite3 13 crashes on older Node): fail in one line.
'use strict';
var major = Number(process.versions.node.split('.')[0]);
var minor = Number(process.versions.node.split('.')[1]);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    'Heitu Reader needs Node.js 22.12 or newer, but this is Node ' +
      process.versions.node +
      ' (' +
      process.execPath +
      '); run it through npm (npm test, npm run web, npx heitu), which uses the Node 22 that `npm install` put in node_modules/.bin.\n',
  );
  process.exit(1);
}
