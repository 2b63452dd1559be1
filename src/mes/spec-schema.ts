// JSON Schema of rules/mes/<domain>.yml: enough structure that a typo in the data is a located error at load time.
const sourcesList = { type: 'array', items: { type: 'string' }, minItems: 1 };

const errorEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'sources'],
  properties: {
    status: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'string' },
    message: { type: 'string' },
    outcome: { enum: ['NOTSUPPORTED', 'INVALID', 'VALUE', 'INCOMPLETE', 'REQUIRED', 'NOT-FOUND'] },
    diagnostic: { type: 'string' },
    severity: { enum: ['error', 'warning'] },
    meaning: { type: 'string' },
    note: { type: 'string' },
    sources: sourcesList,
  },
};

const pairingError = {
  type: 'object',
  additionalProperties: false,
  required: ['error', 'description', 'sources'],
  properties: {
    status: { type: 'integer', minimum: 400, maximum: 599 },
    redirect: { type: 'boolean' },
    error: { type: 'string' },
    description: { type: 'string' },
    sources: sourcesList,
  },
};

export const mesSpecSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  if: { properties: { domain: { const: 'appariement' } } },
  then: {
    required: ['facts', 'flow', 'errors'],
    properties: {
      errors: {
        type: 'object',
        additionalProperties: false,
        required: ['basis', 'authorize', 'token'],
        properties: {
          basis: { const: 'inference' },
          authorize: { type: 'object', additionalProperties: pairingError },
          token: { type: 'object', additionalProperties: pairingError },
        },
      },
    },
  },
  else: { properties: { errors: { type: 'object', additionalProperties: errorEntry } } },
  required: ['domain', 'title', 'status', 'sources', 'packages', 'endpoints'],
  properties: {
    domain: { enum: ['mesures', 'documents', 'agenda', 'appariement'] },
    title: {
      type: 'object',
      required: ['fr', 'en'],
      additionalProperties: false,
      properties: { fr: { type: 'string' }, en: { type: 'string' } },
    },
    status: { enum: ['documented', 'partial', 'unconfirmed'] },
    sources: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['title'],
        properties: {
          title: { type: 'string' },
          url: { type: 'string' },
          ref: { type: 'string' },
          kind: { const: 'secondaire' },
        },
      },
    },
    packages: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'version', 'sources'],
        properties: {
          id: { type: 'string' },
          version: { type: 'string' },
          canonical: { type: 'string' },
          sources: sourcesList,
        },
      },
    },
    endpoints: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'method', 'path', 'description', 'sources'],
        properties: {
          id: { type: 'string' },
          method: { enum: ['GET', 'POST'] },
          path: { type: 'string' },
          description: { type: 'string' },
          sources: sourcesList,
        },
      },
    },
    // Checked below: the catalogue entries of an API, or the OAuth2 errors of the pairing.
    errors: { type: 'object' },
    search: {
      type: 'object',
      required: ['max-count', 'default-count', 'errors'],
      properties: {
        'max-count': { type: 'integer', minimum: 1 },
        'default-count': { type: 'integer', minimum: 1 },
        // Checked below: the catalogue entries of an API, or the OAuth2 errors of the pairing.
        errors: { type: 'object' },
      },
    },
    profiles: {
      anyOf: [
        {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'measure', 'loinc'],
            properties: {
              id: { type: 'string' },
              measure: { type: 'string' },
              loinc: { type: 'array', items: { type: 'string' }, minItems: 1 },
              create: { type: 'boolean' },
              components: { type: 'boolean' },
              legacy: { type: 'array', items: { type: 'string' } },
            },
          },
        },
        { type: 'object' },
      ],
    },
  },
};
