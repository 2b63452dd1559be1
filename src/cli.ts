#!/usr/bin/env node
// The CLI entry point for development (`node --import tsx src/cli.ts …`); the published `mes-referencing` bin is
// dist/cli/index.js, which runs the same `runCli` from the bundle (see src/bundle.ts).
import { runCli } from './commands/index.js';

process.exitCode = await runCli(process.argv.slice(2));
