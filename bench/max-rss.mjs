// Preloaded into the CLI by bench/large-repo.ts: reports the process's peak resident set size on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `max-rss-kb ${process.resourceUsage().maxRSS}\n`));
