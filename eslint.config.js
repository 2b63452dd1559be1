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
  {
    // The reference clients are plain Node scripts (no dependency): Node's web globals are theirs.
    files: ['examples/hooking-client/**/*.mjs'],
    languageOptions: {
      globals: { fetch: 'readonly', URLSearchParams: 'readonly', setTimeout: 'readonly' },
    },
  },
);
