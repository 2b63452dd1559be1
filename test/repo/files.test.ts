// The repository listing: .gitignore at every level with git's precedence, build output still listed for the
// tracker scan, node_modules and .git never entered, symbolic links not followed.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRepoFiles } from '../../src/checks/repo/files.js';
import { tempDir } from '../web/harness.js';

function repo(files: Record<string, string>): string {
  const dir = tempDir('mes-files-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('listRepoFiles', () => {
  it('follows .gitignore files, the deepest one deciding, and .git/info/exclude', async () => {
    const dir = repo({
      '.gitignore': '*.log\nsecret/\n',
      '.git/info/exclude': 'local.txt\n',
      '.git/config': '[core]\n',
      'app.js': '',
      'debug.log': '',
      'local.txt': '',
      'secret/key.pem': '',
      'pkg/.gitignore': '!keep.log\n*.tmp\n',
      'pkg/keep.log': '',
      'pkg/other.log': '',
      'pkg/x.tmp': '',
      'pkg/index.ts': '',
      'node_modules/lib/index.js': '',
    });
    const files = await listRepoFiles(dir);
    expect(files.map((f) => f.path)).toEqual([
      '.gitignore',
      'app.js',
      'pkg/.gitignore',
      'pkg/index.ts',
      'pkg/keep.log',
    ]);
    expect(files.every((f) => !f.ignored)).toBe(true);
  });

  it('lists ignored build output, flagged, so bundles are scanned for trackers but not for secrets', async () => {
    const dir = repo({
      '.gitignore': 'dist/\n.cache/\n',
      'dist/assets/app.js': '',
      'dist/node_modules/x.js': '',
      '.cache/blob.js': '',
      'web/.gitignore': 'build\n',
      'web/build/main.js': '',
      'src/main.ts': '',
    });
    const files = await listRepoFiles(dir);
    expect(files.map((f) => [f.path, f.ignored])).toEqual([
      ['.gitignore', false],
      ['dist/assets/app.js', true],
      ['src/main.ts', false],
      ['web/.gitignore', false],
      ['web/build/main.js', true],
    ]);
  });

  it('does not follow symbolic links', async () => {
    const outside = repo({ 'passwd.txt': 'root' });
    const dir = repo({ 'index.html': '' });
    symlinkSync(outside, path.join(dir, 'linked-dir'));
    symlinkSync(path.join(outside, 'passwd.txt'), path.join(dir, 'linked-file.txt'));
    expect((await listRepoFiles(dir)).map((f) => f.path)).toEqual(['index.html']);
  });
});
