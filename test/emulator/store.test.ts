// The emulator's store answers searches from a patient's observations kept newest first, so a search does not sort
// every stored observation again (thousands in a large repository's hooking tests).
import { describe, expect, it } from 'vitest';
import { EmulatorStore } from '../../src/emulator/store.js';

describe('emulator store', () => {
  it('keeps each patient’s observations newest first, equal instants in the order stored', () => {
    const store = new EmulatorStore();
    const add = (idpe: string, effective: string, tag: string) =>
      store.addObservation({ idpe, code: ['85354-9'], effective, resource: { tag } });
    add('p1', '2026-05-02T08:00:00+02:00', 'b');
    add('p1', 'not a date', 'z');
    add('p1', '2026-05-03T08:00:00+02:00', 'c');
    add('p2', '2026-05-09T08:00:00+02:00', 'other patient');
    add('p1', '2026-05-01T08:00:00+02:00', 'a');
    add('p1', '2026-05-03T06:00:00Z', 'c-same-instant');
    expect(store.observationsOf('p1').map((o) => o.resource.tag)).toEqual([
      'c',
      'c-same-instant',
      'b',
      'a',
      'z',
    ]);
    expect(store.observationsOf('p2')).toHaveLength(1);
    expect(store.observationsOf('p3')).toEqual([]);
    store.clear();
    expect(store.observationsOf('p1')).toEqual([]);
  });
});
