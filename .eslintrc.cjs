/* ESLint 8 (the last major that reads .eslintrc) with typescript-eslint 8. */
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: __dirname },
  plugins: ['@typescript-eslint'],
  extends: [
    'eslint:recommended',
    'plugin:@typescript-eslint/recommended-type-checked',
  ],
  env: { node: true, es2022: true },
  ignorePatterns: ['**/dist/**', 'node_modules/', 'coverage/', '*.js', '*.cjs'],
  rules: {
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/consistent-type-imports': 'error',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    eqeqeq: ['error', 'always'],
    'no-console': 'error',
  },
  overrides: [
    { files: ['packages/cli/src/**/*.ts', 'scripts/**/*.ts'], rules: { 'no-console': 'off' } },
    {
      files: ['**/test/**/*.ts'],
      rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
    },
  ],
};
