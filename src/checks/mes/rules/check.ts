// `mes/rules`: the MES business rules checked offline on the resources the editor's service sends
// (`fhir.resources`), before any call. Each finding carries the message MES would return and its HTTP status,
// located at file:line:column.
import { displayPath as formatPath } from '../../../util/schema-errors.js';
import { JsonSource } from '../../../util/json-source.js';
import { readJsonResources } from '../../../util/json-resources.js';
import { describeTextProblem } from '../../../util/text-file.js';
import { mesFlowOf } from '../../../mes/flow.js';
import type { MesFlow } from '../../../mes/flow.js';
import type { Check, CheckContext, Finding } from '../../types.js';
import { checkSimplifiedPublish } from '../../../mes/documents.js';
import { checkMesuresBundle } from '../../../mes/mesures.js';
import type { MesSpec } from '../../../mes/spec.js';
import { loadMesSpec } from '../../../mes/spec.js';
import { describeViolation, violationDiagnostic } from '../../../mes/violation.js';
import type { MesViolation } from '../../../mes/violation.js';

export interface MesRulesParams {
  domain: 'mesures' | 'documents';
  [key: string]: unknown;
}

type Kind = MesFlow;

export const mesRulesCheck: Check<MesRulesParams> = {
  id: 'mes/rules',
  engine: 'fhir',
  description: {
    fr: 'Les ressources envoyées à Mon espace santé respectent les règles métier publiées de ses API (catalogue d’erreurs), vérifiées hors ligne.',
    en: 'Resources sent to Mon espace santé follow the published business rules of its APIs (error catalogue), checked offline.',
  },
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['domain'],
    properties: { domain: { enum: ['mesures', 'documents'] } },
  },
  async run(ctx, params) {
    const spec = loadMesSpec();
    const patterns = ctx.manifest.fhir?.resources ?? [];
    if (patterns.length === 0) {
      return [
        {
          outcome: 'review',
          code: 'mes.no-resources',
          message: ctx.t('mes.no-resources', { domain: params.domain }),
          location: ctx.locate(ctx.manifest.fhir ? ['fhir'] : []),
        },
      ];
    }
    const set = readJsonResources(ctx.repoDir, patterns, { excluded: ctx.excluded });
    const findings: Finding[] = set.patterns.map((p) => ({
      outcome: p.problem === 'no-match' ? 'warn' : 'fail',
      code: `mes.pattern-${p.problem}`,
      message: ctx.t(`mes.pattern-${p.problem}`, { pattern: p.pattern }),
      location: ctx.locate(['fhir', 'resources', p.index]),
    }));
    let checked = 0;
    for (const file of set.files) {
      if (ctx.signal.aborted) break;
      if (!file.ok) {
        // An unreadable file may be one of this domain: say so rather than pass silently.
        findings.push({
          outcome: 'fail',
          code: `mes.file-${file.reason}`,
          message: ctx.t(`mes.file-${file.reason}`, {
            file: file.file,
            detail: file.text ? describeTextProblem(file.text, ctx.t) : file.detail,
          }),
          location: { file: file.file, ...(file.line ? { line: file.line, column: file.column ?? 1 } : {}) },
        });
        continue;
      }
      if (mesFlowOf(file.value) !== params.domain) continue;
      checked++;
      const violations =
        params.domain === 'mesures'
          ? checkMesuresBundle(file.value, {
              spec: spec.mesures,
              editorOid: ctx.manifest.solution['editor-oid'],
            })
          : checkSimplifiedPublish(file.value, spec.documents);
      findings.push(...toFindings(ctx, spec, params.domain, file.file, file.text, violations));
    }
    if (checked === 0) {
      findings.push({
        outcome: 'review',
        code: 'mes.no-resources-of-domain',
        message: ctx.t('mes.no-resources-of-domain', { domain: params.domain }),
        location: ctx.locate(['fhir', 'resources']),
      });
    }
    return findings;
  },
};

function toFindings(
  ctx: CheckContext,
  spec: MesSpec,
  domain: Kind,
  file: string,
  text: string,
  violations: MesViolation[],
): Finding[] {
  if (violations.length === 0) {
    return [
      {
        outcome: 'pass',
        code: 'mes.resource-ok',
        message: ctx.t(`mes.resource-ok.${domain}`, { file }),
        location: { file, line: 1 },
      },
    ];
  }
  const positions = new JsonSource(text).locate(violations.map((v) => v.path));
  const base = domain === 'mesures' ? spec.mesures : spec.documents;
  return violations.map((v, i) => {
    const position = positions[i] as { line: number; column: number };
    const diagnostic = violationDiagnostic(v);
    const message = describeViolation(v, ctx.t);
    return {
      outcome: v.severity === 'error' ? 'fail' : 'warn',
      code: `mes.${v.status}.${v.id}`,
      message,
      location: { file, line: position.line, column: position.column },
      details: {
        httpStatus: v.status,
        rule: v.id,
        path: formatPath(v.path),
        ...(v.entry && (v.entry.message || v.entry.error)
          ? { mesMessage: v.entry.message || v.entry.error }
          : {}),
        ...(diagnostic ? { diagnostic } : {}),
        ...(v.entry?.outcome ? { outcome: v.entry.outcome } : {}),
        source: v.entry ? (v.entry.sources[0] ?? '') : 'inference',
        spec: base.file,
      },
    };
  });
}
