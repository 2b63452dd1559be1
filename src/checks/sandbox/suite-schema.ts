// JSON Schema of a scenario suite (rules/scenarios/*.yml).
const localized = {
  type: 'object',
  additionalProperties: false,
  required: ['fr', 'en'],
  properties: { fr: { type: 'string' }, en: { type: 'string' } },
};
const id = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' };
const basis = { enum: ['published', 'inference'] };
const patch = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['op', 'path'],
    properties: { op: { enum: ['set', 'remove'] }, path: { type: 'string', minLength: 1 }, value: {} },
  },
};

export const suiteSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'requirements', 'tests'],
  properties: {
    id,
    title: localized,
    domain: { enum: ['mesures', 'documents', 'agenda'] },
    basis,
    requirements: { type: 'array', items: { type: 'string' } },
    sources: { type: 'array', items: { type: 'string' } },
    fixtures: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['from'],
        properties: {
          from: { enum: ['editor', 'file'] },
          kind: { enum: ['mesures', 'documents'] },
          fallback: { type: 'string' },
          file: { type: 'string' },
          sample: {
            type: 'object',
            additionalProperties: false,
            required: ['editor-oid', 'solution-oid'],
            properties: {
              'editor-oid': { type: 'string', pattern: '^[0-2](\\.[0-9]+)+$' },
              'solution-oid': { type: 'string', pattern: '^[0-2](\\.[0-9]+)+$' },
              'patient-system': { type: 'string', minLength: 1 },
            },
          },
        },
      },
    },
    variables: { type: 'object', additionalProperties: { type: 'string' } },
    prepare: { type: 'object', additionalProperties: patch },
    tests: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'steps'],
        properties: {
          id,
          title: localized,
          basis,
          'for-each': { type: 'string' },
          requires: { type: 'array', items: { type: 'string' } },
          steps: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              // `assert` is required of every step but `unpair` (checked in suite.ts, with a location).
              required: ['id', 'operation'],
              properties: {
                id,
                title: localized,
                'depends-on': { type: 'array', items: { type: 'string' } },
                'warning-only': { type: 'boolean' },
                'unexposed-status': {
                  type: 'array',
                  minItems: 1,
                  items: { type: 'integer', minimum: 400, maximum: 599 },
                },
                auth: { enum: ['default', 'none', 'invalid', 'paired'] },
                patient: { enum: ['default', 'without-consent', 'invalid-id-token', 'paired'] },
                transport: { enum: ['default', 'without-client-certificate'] },
                operation: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type'],
                  properties: {
                    type: {
                      enum: ['transaction', 'create', 'search', 'read', 'authorize', 'token', 'unpair'],
                    },
                    resource: { type: 'string', pattern: '^[A-Z][A-Za-z]+$' },
                    body: { type: 'string' },
                    patch,
                    params: { type: 'object', additionalProperties: { type: 'string' } },
                    url: { type: 'string' },
                    patient: { type: 'string', minLength: 1 },
                    decision: { enum: ['accept', 'refuse'] },
                    pkce: { enum: ['S256', 'none'] },
                    grant: { enum: ['authorization_code', 'refresh_token'] },
                    verifier: { enum: ['sent', 'other'] },
                  },
                },
                assert: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                      status: {
                        anyOf: [
                          { type: 'integer', minimum: 100, maximum: 599 },
                          { type: 'array', items: { type: 'integer', minimum: 100, maximum: 599 } },
                        ],
                      },
                      resourceType: { type: 'string' },
                      header: { type: 'string' },
                      exists: { type: 'boolean' },
                      matches: { type: 'string' },
                      expression: { type: 'string' },
                      outcome: { type: 'string' },
                      connection: { const: 'refused' },
                      redirect: { const: 'code' },
                      'oauth-error': { type: 'string', pattern: '^[a-z_]+$' },
                      description: localized,
                    },
                  },
                },
                capture: {
                  type: 'object',
                  additionalProperties: {
                    anyOf: [
                      { type: 'string' },
                      {
                        type: 'object',
                        additionalProperties: false,
                        required: ['header'],
                        properties: { header: { type: 'string' } },
                      },
                    ],
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
