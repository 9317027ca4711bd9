// ESLint flat config: typescript-eslint's recommended rules, the two type-aware rules that catch
// real bugs here (floating promises, non-exhaustive switches), and Nx module boundaries
// (web never imports api; libs import no framework).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'data/**', '.nx/**', 'coverage/**', 'test-output/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      'no-control-regex': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
          ],
        },
      ],
    },
  },
  {
    // Sessions are issued only where every way in ends, so none can skip the second factor (decision 0050).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/identity/sign-in/sign-in.service.ts', 'apps/api/src/identity/two-factor/sign-in-challenges.ts', 'apps/api/src/identity/identity.module.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/session-issuer'], allowTypeImports: true, message: 'only SignInService and SignInChallenges issue sessions' }] }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*', 'typeorm', 'react', 'react-dom', 'pg'], message: 'libs/ stay framework-free' }] }],
    },
  },
);
