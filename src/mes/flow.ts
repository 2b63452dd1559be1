// Which MES flow a FHIR resource belongs to: a mesures transaction Bundle (Observation/Device entries) or an
// ITI-105 DocumentReference. Shared by the offline rules and the scenario runner, which replays the same files.

export type MesFlow = 'mesures' | 'documents';

export function mesFlowOf(value: unknown): MesFlow | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const resource = value as { resourceType?: unknown; entry?: unknown };
  if (resource.resourceType === 'DocumentReference') return 'documents';
  if (resource.resourceType !== 'Bundle' || !Array.isArray(resource.entry)) return undefined;
  const types = resource.entry.map(
    (e) => (e as { resource?: { resourceType?: unknown } })?.resource?.resourceType,
  );
  return types.includes('Observation') || types.includes('Device') ? 'mesures' : undefined;
}
