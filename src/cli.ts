#!/usr/bin/env node
// The CLI entry point (bundled to dist/cli/index.js): `mes-referencing check | validate | emulator | schema`.
import { main } from './commands/index.js';

// `mes-referencing … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
