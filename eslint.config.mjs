// Lint rules: typescript-eslint's recommended type-aware set, tuned for an async Functions app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers from './eslint.layers.cjs';

export default tseslint.config(
  {
    ignores: [
      'build/',
      'dist/',
      'coverage/',
      '.azurite/',
      'test-artifacts/',
      'node_modules/',
      // Imports types generated at test time; its test type-checks it under tsc --strict and refuses any cast.
      'test/integration/contract/typedClient/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  // One layering, enforced (docs/architecture.md): what each part of shared/ may import.
  ...layers.layeringConfigs(),
  {
    // Tests read answers as loosely typed JSON on purpose: the assertions are the type check.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
