// `documents/formats`: the documents the service publishes to Mon espace santé follow a CI-SIS content format,
// CDA R2 (level 1 at least: a PDF or text wrapped in a CDA header) or FHIR Document, and their contentType and
// format code say so. A bare PDF or text file is not one of these formats.
import { readJsonResources } from '../../util/json-resources.js';
import { documentFormat } from '../../mes/document-format.js';
import { mesFlowOf } from '../../mes/flow.js';
import { JsonSource } from '../../util/json-source.js';
import type { Check, Finding } from '../types.js';

export const documentFormatsCheck: Check = {
  id: 'documents/formats',
  engine: 'fhir',
  description: {
    fr: 'Les documents publiés sont au format CDA R2 (niveau 1 ou 3) ou FHIR Document, annoncé par leur contentType et leur code de format.',
    en: 'Published documents are CDA R2 (level 1 or 3) or FHIR Document, as their contentType and format code say.',
  },
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    const { t } = ctx;
    const patterns = ctx.manifest.fhir?.resources ?? [];
    // Unreadable files and patterns matching nothing are the `mes/rules` check's findings.
    const files = readJsonResources(ctx.repoDir, patterns, { excluded: ctx.excluded }).files.filter(
      (f): f is Extract<typeof f, { ok: true }> => f.ok && mesFlowOf(f.value) === 'documents',
    );
    if (files.length === 0)
      return [
        {
          outcome: 'review',
          code: 'documents.no-documents',
          message: t('documents.no-documents'),
          location: ctx.locate(ctx.manifest.fhir ? ['fhir'] : []),
        },
      ];
    const findings: Finding[] = [];
    for (const file of files) {
      const facts = documentFormat(file.value);
      const [content, format, type] = new JsonSource(file.text).locate([
        ['content', 0, 'attachment', 'data'],
        ['content', 0, 'format'],
        ['content', 0, 'attachment', 'contentType'],
      ]) as { line: number; column: number }[];
      const at = (p: { line: number; column: number } | undefined) => ({
        file: file.file,
        line: p?.line ?? 1,
        column: p?.column ?? 1,
      });
      if (!facts) continue;
      const params = {
        file: file.file,
        contentType: facts.contentType ?? '—',
        code: facts.formatCode ?? '—',
      };
      if (facts.format === 'pdf' || facts.format === 'other') {
        findings.push({
          outcome: 'fail',
          code: facts.codeSaysCda ? 'documents.not-cda' : 'documents.bare',
          message: t(facts.codeSaysCda ? 'documents.not-cda' : 'documents.bare', params),
          location: at(content),
        });
        continue;
      }
      findings.push({
        outcome: 'pass',
        code: `documents.${facts.format}`,
        message: t(`documents.format.${facts.format}`, params),
        location: at(content),
        details: { format: facts.format, ...(facts.formatCode ? { formatCode: facts.formatCode } : {}) },
      });
      if (!facts.formatCode)
        findings.push({
          outcome: 'warn',
          code: 'documents.no-format-code',
          message: t('documents.no-format-code', params),
          location: at(content),
        });
      else if (facts.format.startsWith('cda') !== facts.codeSaysCda)
        findings.push({
          outcome: 'warn',
          code: 'documents.code-mismatch',
          message: t(
            facts.codeSaysCda ? 'documents.code-mismatch.fhir' : 'documents.code-mismatch.cda',
            params,
          ),
          location: at(format),
        });
      if (!facts.contentTypeFits)
        findings.push({
          outcome: 'warn',
          code: 'documents.content-type',
          message: t(`documents.content-type.${facts.format === 'fhir-document' ? 'fhir' : 'cda'}`, params),
          location: at(type),
        });
    }
    return findings;
  },
};
