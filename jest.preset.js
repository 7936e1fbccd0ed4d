// Shared jest setup for the three test tiers. SWC compiles TypeScript with
// decorator metadata (NestJS DI needs it) and the workspace path aliases are
// mapped from tsconfig.base.json so tests import libs exactly as apps do.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

module.exports = function preset(testMatch, extra = {}) {
  return {
    rootDir: __dirname,
    testEnvironment: 'node',
    testMatch,
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            keepClassNames: true,
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper,
    // NestJS and class-transformer read decorator metadata through this polyfill.
    setupFiles: ['reflect-metadata'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.cache/'],
    ...extra,
  };
};
