// Lint: ESLint's and typescript-eslint's recommended rules everywhere, plus the Lit
// and web-component rule sets on element and story code. Formatting is Prettier's.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'storybook-static/**',
      '.test-results/**',
      'bench/scratch/**',
      // Generated from custom-elements.json (packages/elements/scripts/write-framework-types.ts); checked by the type tests.
      'packages/elements/types/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['packages/elements/**/*.ts', 'stories/**/*.ts', 'examples/**/*.{js,ts}'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/**/*.ts', 'stories/**/*.ts', 'examples/**/*.{js,ts}'],
    ...wc.configs['flat/best-practice'],
  },
);
