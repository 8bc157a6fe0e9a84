import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-redeclare': 'off', // TypeScript reports real redeclarations; a schema and its type share a name on purpose
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The layers (docs/architecture.md): stages and the libraries they use know neither the
    // queue machinery nor Redis nor the composition root; workers and queues adapt them.
    files: ['src/{stages,sources,sinks,fetch,extract,segment,figures}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'bullmq', message: 'Queue machinery belongs in src/queues/ or src/workers/.' },
            { name: 'ioredis', message: 'Redis state belongs in src/store/.' },
          ],
          patterns: [
            {
              regex: '(^|/)(queues|workers)/',
              message: 'A stage or library takes what it needs as parameters; queues/ and workers/ call it.',
            },
            {
              regex: '(^|/)app\\.js$',
              message: 'Only commands and workers take dependencies from the App (the composition root).',
            },
          ],
        },
      ],
    },
  },
);
