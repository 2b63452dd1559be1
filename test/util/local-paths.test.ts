// The machine's folders become stable names in the report, without touching URLs or longer names.
import { describe, expect, it } from 'vitest';
import { LocalPaths } from '../../src/util/local-paths.js';

describe('local paths', () => {
  it('replaces whole folders, the longest first, and leaves URLs and longer names alone', () => {
    const paths = new LocalPaths([
      { folder: '/tmp', label: '$TMPDIR' },
      { folder: '/tmp/repo/', label: '.' },
    ]);
    expect(paths.scrub('looked in /tmp/x, /tmp; https://h.example/tmp/y /tmpfoo /tmp/repo/docs/a.md')).toBe(
      'looked in $TMPDIR/x, $TMPDIR; https://h.example/tmp/y /tmpfoo ./docs/a.md',
    );
  });
});
