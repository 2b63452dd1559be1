// Builds the committed bundle with ncc: dist/index.js holds the action and the CLI (src/bundle.ts), and
// dist/cli/index.js is the few lines of the `mes-referencing` bin that run the CLI from it. The output must be a
// pure function of the sources so that CI can compare it with the committed dist/. The bundle is built into a
// temporary folder that replaces dist/ only on success, so an interrupted build never leaves dist/ broken.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
const staging = 'dist.building';

rmSync(staging, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    ncc,
    'build',
    'src/bundle.ts',
    '-o',
    staging,
    '--target',
    'es2022',
    '--minify',
    '--license',
    'licenses.txt',
    '-q',
  ],
  { stdio: 'inherit' },
);

// ncc minifies its main file only; the chunks of the lazily loaded modules (commands, action, engines) are
// minified here, which halves dist/ and what node parses when a command loads.
for (const chunk of readdirSync(staging).filter((f) => /^\d+\.index\.js$/.test(f))) {
  const file = `${staging}/${chunk}`;
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    minify: true,
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
  });
  writeFileSync(file, code);
}

mkdirSync(`${staging}/cli`);
const bin = `${staging}/cli/index.js`;
writeFileSync(
  bin,
  `#!/usr/bin/env node
// The mes-referencing CLI (npm bin): the engine is the bundle next door (built from src/bundle.ts).
import { runCli } from '../index.js';

process.exitCode = await runCli(process.argv.slice(2));
`,
);
chmodSync(bin, 0o755);

rmSync('dist', { recursive: true, force: true });
renameSync(staging, 'dist');
