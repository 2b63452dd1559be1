// Builds the two committed bundles with ncc: dist/index.js (the action) and dist/cli/index.js (the CLI).
// The output must be a pure function of the sources so that CI can compare it with the committed dist/.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
const bundles = [
  { entry: 'src/main.ts', out: 'dist' },
  { entry: 'src/cli.ts', out: 'dist/cli' },
];

rmSync('dist', { recursive: true, force: true });
for (const { entry, out } of bundles) {
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--target', 'es2022', '--minify', '--license', 'licenses.txt', '-q'],
    {
      stdio: 'inherit',
    },
  );
}

// The CLI is an npm `bin`: it needs a shebang and the executable bit.
const cli = 'dist/cli/index.js';
const code = readFileSync(cli, 'utf8');
if (!code.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${code}`);
chmodSync(cli, 0o755);
