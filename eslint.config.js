// Type-aware lint: floating promises and type-only imports are errors (docs/CONVENTIONS).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Fixture pages' scripts are test data: they run in the page, not in the project.
    ignores: [
      '.output/**',
      '.wxt/**',
      '.generated/**',
      '.scratch/**',
      'node_modules/**',
      'eslint.config.js',
      'tests/fixtures/**/*.js',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
