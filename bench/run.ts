// `npm run bench [name…]`: runs every bench/*.bench.ts (or the named ones) in turn. Each benchmark prints its own
// throughput next to a peer measured in the same process, and the ratio between them.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches ${wanted.join(', ') || '*'}`);
  process.exitCode = 2;
}
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  await import(pathToFileURL(path.join(here, file)).href);
}
