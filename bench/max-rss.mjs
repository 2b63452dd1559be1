// Preloaded into the CLI by bench/large-repo.bench.ts: reports the process's peak resident set size and CPU time on
// exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `max-rss-kb ${usage.maxRSS} cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
