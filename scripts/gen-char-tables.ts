/**
 * npm run gen:char-tables — writes app/core/text/char-tables.generated.ts from the installed
 * opencc-js (app/core/text/opencc-chars.ts says why). Run it after upgrading opencc-js;
 * char-tables.test.ts fails until it is run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCharTables } from '../app/core/text/opencc-chars.ts';

const file = join(import.meta.dirname, '..', 'app', 'core', 'text', 'char-tables.generated.ts');
writeFileSync(file, renderCharTables());
process.stdout.write(`${JSON.stringify({ wrote: file })}\n`);
