// `declaration`: a requirement that the manifest's own answers decide (identification means, HDS hosting,
// finalités…). The condition and the messages are data in the catalogue.
import catalogueSchema from '../../../schemas/catalogue.schema.json' with { type: 'json' };
import { conditionFields, fieldValue, holds } from '../../catalogue/conditions.js';
import type { Condition } from '../../catalogue/types.js';
import type { LocalizedText } from '../../i18n/index.js';
import { pick } from '../../i18n/index.js';
import type { Check } from '../types.js';

export interface DeclarationParams {
  require: Condition;
  fail: LocalizedText;
  pass?: LocalizedText;
  [key: string]: unknown;
}

export const declarationCheck: Check<DeclarationParams> = {
  id: 'declaration',
  engine: 'evidence',
  description: {
    fr: 'Les réponses déclarées dans le manifeste satisfont l’exigence.',
    en: 'The answers declared in the manifest meet the requirement.',
  },
  paramsSchema: {
    $defs: catalogueSchema.$defs,
    type: 'object',
    additionalProperties: false,
    required: ['require', 'fail'],
    properties: {
      require: { $ref: '#/$defs/condition' },
      fail: { $ref: '#/$defs/text' },
      pass: { $ref: '#/$defs/text' },
    },
  },
  conditions: (params) => [params.require],
  async run(ctx, params) {
    const fields = [...new Set(conditionFields(params.require))];
    const first = fields[0] as string;
    const location = ctx.locate(first.split('.'));
    if (holds(params.require, ctx.manifest)) {
      const declared = fields
        .map((f) => `${f} = ${JSON.stringify(fieldValue(ctx.manifest, f) ?? null)}`)
        .join(', ');
      const message = params.pass ? pick(params.pass, ctx.lang) : ctx.t('declaration.pass', { declared });
      return [{ outcome: 'pass', code: 'declaration.met', message, location }];
    }
    return [{ outcome: 'fail', code: 'declaration.unmet', message: pick(params.fail, ctx.lang), location }];
  },
};
