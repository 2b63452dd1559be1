// What a document published to Mon espace santé is made of: the CI-SIS content formats are CDA R2 (level 1, an
// unstructured body wrapping a PDF or text, as IHE XDS-SD; level 3, a structured body) and FHIR Document (a
// Bundle of type document opening with a Composition). Read from the embedded data of the DocumentReference and
// compared with its contentType and format code. The CDA or Bundle itself is not validated against its volet.
import { decodeBase64 } from './documents.js';

export type DocumentFormat = 'cda-n1' | 'cda-n3' | 'cda' | 'fhir-document' | 'pdf' | 'other';

export interface DocumentFormatFacts {
  /** What the embedded data is. */
  format: DocumentFormat;
  contentType?: string;
  formatCode?: string;
  /** The format code names a CDA document (IHE XDS-SD or a CI-SIS volet). */
  codeSaysCda: boolean;
  /** The contentType fits the data (text/xml for CDA, application/fhir+json|xml for FHIR). */
  contentTypeFits: boolean;
}

const CDA_TYPES = ['text/xml', 'application/xml', 'application/hl7-v3+xml', 'application/hl7-cda+xml'];
const FHIR_TYPES = [
  'application/fhir+json',
  'application/fhir+xml',
  'application/json+fhir',
  'application/xml+fhir',
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function documentFormat(resource: unknown): DocumentFormatFacts | undefined {
  if (!isObject(resource) || !Array.isArray(resource.content)) return undefined;
  const content = resource.content[0];
  if (!isObject(content) || !isObject(content.attachment)) return undefined;
  const { attachment } = content;
  const contentType = typeof attachment.contentType === 'string' ? attachment.contentType : undefined;
  const formatCode =
    isObject(content.format) && typeof content.format.code === 'string' ? content.format.code : undefined;
  const bytes = typeof attachment.data === 'string' ? decodeBase64(attachment.data) : undefined;
  const format = bytes ? sniff(bytes) : 'other';
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const contentTypeFits =
    type !== undefined &&
    (format.startsWith('cda')
      ? CDA_TYPES.includes(type)
      : format === 'fhir-document'
        ? FHIR_TYPES.includes(type)
        : format === 'pdf'
          ? type === 'application/pdf'
          : true);
  return {
    format,
    ...(contentType ? { contentType } : {}),
    ...(formatCode ? { formatCode } : {}),
    codeSaysCda: formatCode !== undefined && /^urn:(ihe:iti:xds-sd:|asip:ci-sis:|ihe:pcc:)/i.test(formatCode),
    contentTypeFits,
  };
}

function sniff(bytes: Buffer): DocumentFormat {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  // The head is enough to recognise the root element; documents can be large.
  const head = bytes
    .subarray(0, 64 * 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const root =
    /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)\b([^>]*)>/.exec(
      head,
    );
  if (root) {
    const [, name, attributes] = root;
    if (name === 'ClinicalDocument' && /urn:hl7-org:v3/.test(attributes ?? '')) {
      if (/<(?:[\w.-]+:)?structuredBody\b/.test(head)) return 'cda-n3';
      if (/<(?:[\w.-]+:)?nonXMLBody\b/.test(head)) return 'cda-n1';
      return 'cda';
    }
    if (
      name === 'Bundle' &&
      /http:\/\/hl7\.org\/fhir/.test(attributes ?? '') &&
      /<type\s+value="document"/.test(head)
    )
      return 'fhir-document';
    return 'other';
  }
  if (/^\s*\{/.test(head)) {
    try {
      const value: unknown = JSON.parse(bytes.toString('utf8'));
      if (
        isObject(value) &&
        value.resourceType === 'Bundle' &&
        value.type === 'document' &&
        Array.isArray(value.entry) &&
        isObject(value.entry[0]) &&
        isObject(value.entry[0].resource) &&
        value.entry[0].resource.resourceType === 'Composition'
      )
        return 'fhir-document';
    } catch {
      // Not JSON after all: an opaque document.
    }
  }
  return 'other';
}
