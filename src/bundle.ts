// The one bundle (dist/index.js): the action when node runs this file (action.yml `main`), and the CLI's engine
// when dist/cli/index.js imports it. One bundle instead of two halves the build time and the size of dist/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { runCli } from './commands/index.js';

const startedOnThisFile =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
// Loaded only when it runs: the CLI never pays for the GitHub toolkit. src/main.ts is the action's one entry point.
if (startedOnThisFile) await (await import('./main.js')).run();
