import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Layering rules: graph/ is the core and must not know about server/ or web/;
// only the Neo4j adapter may import the driver; web/ reaches the graph over HTTP only.
export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['graph/**/*.ts'],
    ignores: ['graph/store/neo4j/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'neo4j-driver', message: 'Only graph/store/neo4j may import the driver: one adapter owns it.' },
          { name: 'express', message: 'graph/ is the core; HTTP belongs in server/.' },
        ],
        patterns: [
          { group: ['**/server/**', '**/web/**'], message: 'graph/ imports nothing from server/ or web/.' },
        ],
      }],
    },
  },
  {
    files: ['web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'neo4j-driver', message: 'The web talks to the server over HTTP only.' }],
        patterns: [
          { group: ['**/server/**', '**/graph/store/**', '**/graph/etl/**', '**/graph/analysis/**', '**/graph/export/**'],
            message: 'web/ may import only graph/model and graph/api; everything else goes over HTTP.' },
        ],
      }],
    },
  },
);
