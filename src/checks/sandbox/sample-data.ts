// The project's sample resources (rules/scenarios/fixtures), used when the editor has none for a domain, are written
// with the demo editor's identity. MES checks that identity against the caller's: meta.source must sit under the
// editor's root OID, the Device's ifNoneExist and identifier.system carry the solution's OID or a sub-OID, and the
// patient is the one of the id_token. Sent as they are, they would fail for the sample's sake, not the editor's:
// every OID of the sample's identity is moved under the editor's, wherever it appears.

/** The identity a sample was written with (the suite declares it next to the fallback file). */
export interface SampleIdentity {
  'editor-oid': string;
  'solution-oid': string;
  /** subject.identifier.system of the sample's patient. */
  'patient-system'?: string;
}

/** The identity of the run: the manifest's OIDs and the test patient's identifier system. */
export interface EditorIdentity {
  editorOid: string;
  solutionOid: string;
  patientSystem?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A copy of `value` where each OID of the sample's identity (bare or `urn:oid:`, alone or with sub-arcs, inside any
 * string such as `identifier=urn:oid:…|…`) is replaced by the editor's, the solution's first, and the sample
 * patient's identifier system by the run's.
 */
export function toEditorIdentity(value: unknown, sample: SampleIdentity, editor: EditorIdentity): unknown {
  const roots: [string, string][] = [
    [sample['solution-oid'], editor.solutionOid],
    [sample['editor-oid'], editor.editorOid],
  ];
  // An OID is matched whole: not inside a longer number (…999.421) nor after a digit or a dot (3.1.2.250…).
  const pattern = new RegExp(`(?<![0-9.])(${roots.map(([from]) => escape(from)).join('|')})(?![0-9])`, 'g');
  const replacement = new Map(roots);
  const patientFrom = sample['patient-system'];
  const patientTo = editor.patientSystem;
  const rewrite = (text: string): string => {
    if (patientFrom && patientTo && text === patientFrom) return patientTo;
    return text.replace(pattern, (oid) => replacement.get(oid) ?? oid);
  };
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return rewrite(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    return node;
  };
  return walk(value);
}

/** Every OID under `root` that a value still carries (to prove a rewrite left none of the sample's behind). */
export function oidsUnder(value: unknown, root: string): string[] {
  const pattern = new RegExp(`(?<![0-9.])${escape(root)}(?:\\.[0-9]+)*(?![0-9])`, 'g');
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node === 'string') for (const m of node.matchAll(pattern)) found.add(m[0]);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(value);
  return [...found].sort();
}
