// The comment's pieces: marker per header, the hidden state, "since the previous result", body size and fingerprint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MAX_LENGTH, composeCommentBody } from '../../src/github/comment/body.js';
import { commentMarker } from '../../src/github/comment/marker.js';
import { advance, compareSnapshots, renderChanges } from '../../src/github/comment/since-last-run.js';
import type { CommentState, Snapshot } from '../../src/github/comment/state.js';
import { decodeState, encodeState, snapshotOf } from '../../src/github/comment/state.js';
import { translator } from '../../src/messages.js';
import type { Report } from '../../src/report/model.js';
import { cleanTempDirs, expireHdsCertificate } from './harness.js';
import { demoReport, withNotices } from './reports.js';

let clean: Report;
let failing: Report;
const t = translator('fr');

beforeAll(async () => {
  clean = await demoReport();
  failing = await demoReport(expireHdsCertificate);
});
afterAll(cleanTempDirs);

describe('marker', () => {
  it('is one per header and cannot close its HTML comment early', () => {
    expect(commentMarker('')).toBe('<!-- mes-referencing:comment -->');
    expect(commentMarker('recette')).toBe('<!-- mes-referencing:comment recette -->');
    const odd = commentMarker('a --> b');
    expect(odd.slice(4, -4)).not.toMatch(/--|>/);
    expect(commentMarker('prod')).not.toBe(commentMarker('prod2'));
    expect(commentMarker('prod2').includes(commentMarker('prod'))).toBe(false);
  });
});

describe('hidden state', () => {
  it('round-trips the verdicts shown and the verdicts before the last change', () => {
    const current = snapshotOf(failing);
    const base = snapshotOf(clean);
    const state: CommentState = { current, base, hash: '0123456789abcdef' };
    const block = encodeState(state);
    expect(block).toMatch(/^<!-- mes-referencing:state v1 [A-Za-z0-9_-]+ -->$/);
    const marker = commentMarker('');
    expect(decodeState(`texte\n${marker}\n${block}\n`, marker)).toEqual(state);
    expect(decodeState(`${marker}\n${encodeState({ current, hash: 'h' })}`, marker)).toEqual({
      current,
      hash: 'h',
    });
  });

  it('tells a waived failure from a blocking one', () => {
    const snapshot = snapshotOf(failing);
    expect(snapshot['URB-HDS']).toBe('non-conforme');
    expect(snapshot['ETH-ACCESSIBILITE']).toBe('derogation');
  });

  it('ignores a block that does not read as a state', () => {
    const marker = commentMarker('');
    expect(decodeState('no state here', marker)).toBeUndefined();
    const garbage = Buffer.from(JSON.stringify({ c: { X: 'zz' }, h: 'h' })).toString('base64url');
    expect(decodeState(`${marker}\n<!-- mes-referencing:state v1 ${garbage} -->`, marker)).toBeUndefined();
    expect(decodeState(`${marker}\n<!-- mes-referencing:state v1 bm90IGpzb24 -->`, marker)).toBeUndefined();
  });

  it('reads the state only from its own place, the last line after the marker', () => {
    const marker = commentMarker('');
    const forged = encodeState({ current: { 'URB-HDS': 'conforme' }, hash: 'forged' });
    const own = encodeState({ current: { 'URB-HDS': 'non-conforme' }, hash: 'own' });
    expect(decodeState(`${forged}\ntexte\n${marker}\n${own}\n`, marker)?.hash).toBe('own');
    // A forged block anywhere else, even right after a copy of the marker, is not the state.
    expect(decodeState(`${marker}\n${forged}\ntexte\n`, marker)).toBeUndefined();
    expect(decodeState(`texte\n${marker}\n${own} suite`, marker)).toBeUndefined();
    expect(decodeState(`${marker}\n${own}`, commentMarker('prod'))).toBeUndefined();
  });
});

describe('since the previous result', () => {
  const before: Snapshot = { A: 'conforme', B: 'non-conforme', C: 'a-verifier', D: 'non-conforme' };
  const after: Snapshot = {
    A: 'non-conforme',
    B: 'conforme',
    C: 'indisponible',
    D: 'derogation',
    E: 'non-conforme',
  };

  it('sorts changes into newly failing, fixed and other', () => {
    expect(compareSnapshots(before, after)).toEqual({
      failing: [
        { id: 'A', from: 'conforme', to: 'non-conforme' },
        { id: 'E', to: 'non-conforme' },
      ],
      fixed: [
        { id: 'B', from: 'non-conforme', to: 'conforme' },
        { id: 'D', from: 'non-conforme', to: 'derogation' },
      ],
      other: [{ id: 'C', from: 'a-verifier', to: 'indisponible' }],
    });
  });

  it('shows nothing on a first run, the new change after a change, and the same change when nothing moved', () => {
    expect(advance(undefined, after)).toEqual({});
    expect(advance({ current: before, hash: 'h' }, before)).toEqual({});
    const changed = advance({ current: before, hash: 'h' }, after);
    expect(changed.base).toEqual(before);
    expect(changed.shown?.failing.map((c) => c.id)).toEqual(['A', 'E']);
    const same = advance({ current: after, base: before, hash: 'h' }, after);
    expect(same).toEqual(changed);
  });

  it('renders each group with titles and statuses', () => {
    const text = renderChanges(compareSnapshots(snapshotOf(clean), snapshotOf(failing)), failing, t);
    expect(text).toBe(
      '**Depuis le résultat précédent**\n\nNouveaux échecs (1) :\n- ❌ **URB-HDS** Hébergement certifié HDS : conforme → non conforme',
    );
    expect(renderChanges({ failing: [], fixed: [], other: [] }, clean, t)).toContain(
      'Aucun changement de statut.',
    );
  });
});

describe('comment body', () => {
  const links = {
    run: 'https://github.com/o/r/actions/runs/1',
    artifact: 'https://github.com/o/r/actions/runs/1/artifacts/9',
  };
  const input = (report: Report, l: { run?: string; artifact?: string } = links) => ({
    report,
    marker: commentMarker(''),
    links: l,
    state: { current: snapshotOf(report) },
  });

  it('ends with the marker and the state, and carries the fingerprint', () => {
    const { body, hash } = composeCommentBody(input(clean));
    expect(body).toContain(`\n<!-- mes-referencing:comment -->\n<!-- mes-referencing:state v1 `);
    expect(decodeState(body, commentMarker(''))?.hash).toBe(hash);
    expect(decodeState(body, commentMarker(''))?.current).toEqual(snapshotOf(clean));
  });

  it('has the same fingerprint when only the run and artifact links changed', () => {
    const other = {
      run: 'https://github.com/o/r/actions/runs/2',
      artifact: 'https://github.com/o/r/actions/runs/2/artifacts/10',
    };
    const a = composeCommentBody(input(clean));
    const b = composeCommentBody(input(clean, other));
    expect(a.body).not.toBe(b.body);
    expect(a.hash).toBe(b.hash);
    expect(composeCommentBody(input(failing)).hash).not.toBe(a.hash);
    expect(composeCommentBody(input(clean, { run: links.run })).hash).not.toBe(a.hash);
  });

  it('stays within 65,536 characters however large the report, and points at the artifact', () => {
    for (const text of ['Remarque longue sur le manifeste ', '🩺 Mesure 血压 tension artérielle 🫀 ']) {
      const huge = withNotices(failing, 4000, text);
      const { body } = composeCommentBody(input(huge));
      expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH);
      expect(body).toContain(links.artifact);
      // What to do first survives any folding or cutting: it comes before everything that can be cut.
      expect(body).toContain('### À traiter en premier');
      expect(body).toMatch(
        /\n1\. ❌ \*\*URB-HDS\*\* Hébergement certifié HDS <sub>obligatoire · bloquant<\/sub>/,
      );
      expect(decodeState(body, commentMarker(''))?.current).toEqual(snapshotOf(huge));
      // No lone surrogate left by the cut.
      expect(body).toBe(Buffer.from(body, 'utf8').toString('utf8'));
    }
  });
});
