/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/test'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  // Unit tests run against the sources; end-to-end tests run the built CLI as a process.
  moduleNameMapper: { '^@k8s-lint/(core|sarif|cli)$': '<rootDir>/packages/$1/src' },
  testTimeout: 60000,
};
