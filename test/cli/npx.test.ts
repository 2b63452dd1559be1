// `npx github:<owner>/mes-referencing#<tag> <command>` is how the CLI runs outside a clone (the package is not on the
// npm registry): npm fetches the repository, packs it as `npm pack` does and runs the `bin`. That works only if the
// pack holds the whole program (the committed bundle and the data it reads) and nothing has to be built first.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
};

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.posix.join(path.relative(ROOT, e.parentPath).split(path.sep).join('/'), e.name));
}

describe('npx github:', () => {
  it('gets the bin, the bundle with every chunk, the rules and the schemas, with no build step', () => {
    const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const packed = new Set(
      (JSON.parse(result.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path),
    );
    const needed = [
      ...Object.values(pkg.bin).map((bin) => path.posix.normalize(bin)),
      ...filesUnder('dist').filter((f) => f.endsWith('.js')),
      ...filesUnder('rules'),
      ...filesUnder('schemas'),
    ];
    expect(needed.filter((f) => !packed.has(f))).toEqual([]);
    // A git dependency with one of these is built (devDependencies and all) before it is packed.
    expect(Object.keys(pkg.scripts).filter((s) => /^(pre|post)?(prepare|install|pack)$/.test(s))).toEqual([]);
  });

  it('is what the documentation says, never `npx mes-referencing` (nothing by that name on the registry)', () => {
    const docs = [
      'README.md',
      ...filesUnder('docs').filter((f) => f.endsWith('.md')),
      ...filesUnder('examples').filter((f) => f.endsWith('.md')),
    ];
    const wrong = docs.flatMap((file) =>
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\bnpx\s+(--yes\s+|-y\s+)?mes-referencing\b/.test(line) ? [`${file}:${i + 1}`] : [],
        ),
    );
    expect(wrong).toEqual([]);
  });
});
