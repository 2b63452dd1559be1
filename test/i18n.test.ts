import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKeys } from '../src/messages.js';
import { TOOL_VERSION } from '../src/util/project.js';
import { ROOT } from './helpers.js';

describe('user-facing text', () => {
  it('has every message in French and in English', () => {
    expect(messageKeys('en').sort()).toEqual(messageKeys('fr').sort());
  });

  it('reports the version of package.json', () => {
    expect(TOOL_VERSION).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
