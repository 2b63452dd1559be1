// The emulator's in-memory FHIR store: Devices keyed by their MES identity (oid|identifier), Observations and
// documents per patient, Binaries, and the per-patient consent state. One store per emulator instance.
import { randomUUID } from 'node:crypto';

type Json = Record<string, unknown>;

export interface StoredObservation {
  id: string;
  idpe: string;
  code: string[];
  effective: string;
  resource: Json;
}

export interface StoredDocument {
  id: string;
  idpe: string;
  status: string;
  resource: Json;
  binaryId: string;
}

export interface StoredBinary {
  id: string;
  contentType: string;
  data: Buffer;
}

export class EmulatorStore {
  readonly devices = new Map<string, { id: string; resource: Json }>();
  readonly observations: StoredObservation[] = [];
  private readonly byPatient = new Map<string, { time: number; observation: StoredObservation }[]>();
  readonly documents = new Map<string, StoredDocument>();
  readonly binaries = new Map<string, StoredBinary>();
  readonly submissionSets: Json[] = [];
  /** Consent to exchanges, per idPe; a patient not listed has consented (the demo default). */
  private readonly consent = new Map<string, boolean>();

  hasConsent(idpe: string): boolean {
    return this.consent.get(idpe) ?? true;
  }

  setConsent(idpe: string, granted: boolean): void {
    this.consent.set(idpe, granted);
  }

  /** FHIR conditional create: the Device is created once per identity; `created` says whether it was new. */
  upsertDevice(identity: string, resource: Json): { id: string; created: boolean } {
    const existing = this.devices.get(identity);
    if (existing) return { id: existing.id, created: false };
    const id = randomUUID();
    this.devices.set(identity, { id, resource: { ...resource, id } });
    return { id, created: true };
  }

  deviceById(id: string): Json | undefined {
    for (const d of this.devices.values()) if (d.id === id) return d.resource;
    return undefined;
  }

  addObservation(observation: Omit<StoredObservation, 'id'>): StoredObservation {
    const stored = { ...observation, id: randomUUID() };
    stored.resource = { ...stored.resource, id: stored.id };
    this.observations.push(stored);
    // Kept per patient, newest first, as every search reads them: sorting them all again on each search made a
    // hooking-test run over thousands of resources quadratic.
    const at = Date.parse(stored.effective);
    const time = Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
    const list = this.byPatient.get(stored.idpe) ?? [];
    this.byPatient.set(stored.idpe, list);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // After every observation at least as recent: equal instants keep the order they were stored in.
      if ((list[mid] as { time: number }).time >= time) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, { time, observation: stored });
    return stored;
  }

  /** A patient's observations, the most recent `effective` first (an unreadable date last). */
  observationsOf(idpe: string): StoredObservation[] {
    return (this.byPatient.get(idpe) ?? []).map((o) => o.observation);
  }

  addBinary(contentType: string, data: Buffer): StoredBinary {
    const binary = { id: randomUUID(), contentType, data };
    this.binaries.set(binary.id, binary);
    return binary;
  }

  addDocument(document: Omit<StoredDocument, 'id'> & { id?: string }): StoredDocument {
    const id = document.id ?? randomUUID();
    const stored = { ...document, id, resource: { ...document.resource, id } };
    this.documents.set(id, stored);
    return stored;
  }

  clear(): void {
    this.devices.clear();
    this.observations.length = 0;
    this.byPatient.clear();
    this.documents.clear();
    this.binaries.clear();
    this.submissionSets.length = 0;
    this.consent.clear();
  }
}
