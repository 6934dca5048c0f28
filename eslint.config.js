import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist-web',
      '.data',
      '.electron-native',
      'test-results',
      'playwright-report',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Only the Electron host and its preload may touch Electron (ARCHITECTURE.md boundaries).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['main/electron/**', 'preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main/electron/ and preload/ import electron.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer sees the core only through the API contract.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches the core through the API client.' },
          ],
          patterns: [
            {
              regex: '^(\\.\\./)+main/(?!api/(contract|errors|messages/(en|es)\\.json)$)',
              message:
                'The renderer may import only main/api/contract, main/api/errors and the message catalogue (main/api/messages) from main/.',
            },
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Words a person reads come from the i18n catalogues (renderer/src/i18n/README.md), never
    // from text typed into JSX; the Spanish e2e check catches what JSX attributes let through.
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      // Icons and punctuation (⚑, ✓, ·) are not words.
      'i18next/no-literal-string': ['error', { words: { exclude: ['[^A-Za-z\u00C0-\u024F]+'] } }],
    },
  },
);
