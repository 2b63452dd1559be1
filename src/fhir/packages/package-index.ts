// The `.index.json` of a FHIR package (index-version 1): one entry per conformance resource, so a package can be
// indexed without parsing every file. Built from the files when the package has none.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface IndexEntry {
  filename: string;
  resourceType: string;
  id?: string;
  url?: string;
  version?: string;
  kind?: string;
  type?: string;
  derivation?: string;
  baseDefinition?: string;
  content?: string;
}

const INDEX_FILE = '.index.json';

/** Resource types the validator may look up by canonical URL. */
const INDEXED_FIELDS = [
  'id',
  'url',
  'version',
  'kind',
  'type',
  'derivation',
  'baseDefinition',
  'content',
] as const;

export function readPackageIndex(dir: string, options: { writeWhenBuilt: boolean }): IndexEntry[] {
  try {
    const index = JSON.parse(readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as { files?: IndexEntry[] };
    if (Array.isArray(index.files)) return index.files.filter((f) => typeof f?.filename === 'string');
  } catch {
    // Absent or unreadable: build it below.
  }
  const files = buildIndex(dir);
  if (options.writeWhenBuilt) {
    try {
      writeFileSync(path.join(dir, INDEX_FILE), JSON.stringify({ 'index-version': 1, files }, null, 1));
    } catch {
      // A read-only folder keeps working without a written index.
    }
  }
  return files;
}

export function indexEntryOf(filename: string, resource: Record<string, unknown>): IndexEntry | undefined {
  if (typeof resource.resourceType !== 'string') return undefined;
  const entry: IndexEntry = { filename, resourceType: resource.resourceType };
  for (const field of INDEXED_FIELDS) {
    const value = resource[field];
    if (typeof value === 'string') entry[field] = value;
  }
  return entry;
}

function buildIndex(dir: string): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name === 'package.json' || name.startsWith('.')) continue;
    try {
      const resource = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>;
      const entry = indexEntryOf(name, resource);
      if (entry) entries.push(entry);
    } catch {
      // Not a resource: ignored, as the HL7 tools do.
    }
  }
  return entries;
}
