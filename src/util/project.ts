// Locates the project's own data (rules/, schemas/) from the running module, whether it runs from src/ (tsx),
// dist/index.js (the action) or dist/cli/index.js (the CLI).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function projectRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'rules', 'catalogue')) && existsSync(path.join(dir, 'action.yml')))
      return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('mes-referencing: cannot find its rules/ folder next to the program');
    dir = parent;
  }
}

export function rulesDir(): string {
  return path.join(projectRoot(), 'rules');
}

export function toolVersion(): string {
  return TOOL_VERSION;
}

// Kept in step with package.json by a test; a constant keeps the bundle free of a package.json read.
export const TOOL_VERSION = '0.1.0';
