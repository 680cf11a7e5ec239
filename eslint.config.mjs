import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'assets/**', 'test/fake-office/office.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // the analysis core is pure: no host, map, DOM or node APIs
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['leaflet', 'leaflet/*'], message: 'core is pure: no Leaflet (use src/map).' },
          { group: ['@microsoft/office-js', 'office-addin-*'], message: 'core is pure: no office-js (use src/excel).' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'core is pure: no node APIs (use src/cli or src/file).' },
          { group: ['../excel/*', '../map/*', '../taskpane/*', '../worker/*', '../cli/*', '../file/*', '../../excel/*', '../../map/*', '../../taskpane/*', '../../worker/*', '../../cli/*', '../../file/*'], message: 'imports point one way: shells -> adapters -> core.' },
        ],
      }],
      'no-restricted-globals': ['error', 'document', 'window', 'Office', 'Excel', 'navigator', 'localStorage'],
    },
  },
);
