import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'web/dist', 'web/src/api/schema.d.ts', 'coverage', 'test-output'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Rules are pure: they import nothing from the shell (ARCHITECTURE.md).
    files: ['src/**/*.rules.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/*.repository.js', '**/*.service.js', '**/*.routes.js', '**/platform/database/**', '**/platform/http/**', 'pg', 'fastify', 'node:fs', 'node:child_process'], message: 'Rules are pure: no I/O imports.' },
        ],
      }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Rules take the time as an argument.' }],
    },
  },
);
