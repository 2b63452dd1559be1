// ESLint flat config: typescript-eslint recommended rules with type information off (tsc already type-checks).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['scratch/**', 'dist/**', 'node_modules/**', 'coverage/**', 'mes-report/**', 'test/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  // Layering: the GitHub toolkit is only used by the GitHub publishers, and the FHIR library stays a library
  // (checks, the emulator and the CLI commands use it, never the other way round).
  {
    files: ['src/**/*.ts'],
    ignores: ['src/github/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'The GitHub toolkit is used only under src/github/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/fhir/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'The GitHub toolkit is used only under src/github/.' },
            {
              group: ['**/checks/**', '**/github/**', '**/commands/**'],
              message: 'src/fhir is a library: it imports nothing from checks/, github/ or commands/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The reference clients are plain Node scripts (no dependency): Node's web globals are theirs.
    files: ['examples/hooking-client/**/*.mjs'],
    languageOptions: {
      globals: { fetch: 'readonly', URLSearchParams: 'readonly', setTimeout: 'readonly' },
    },
  },
);
