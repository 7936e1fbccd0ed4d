// Lint is also where the architecture is enforced: the module-boundary rule
// keeps the arrows one way (apps -> libs, domain -> nothing), only adapters
// reach for Kafka or TypeORM, and no driver type crosses a port.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const io = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', '@nestjs/typeorm', 'class-validator', 'class-transformer'];
const deepRelative = { group: ['../../*'], message: 'Use the workspace alias (@hiring/...) instead of deep relative imports.' };
const fixtures = { name: '@hiring/contracts/testing', message: 'Example events are test fixtures: import them in specs and test helpers only.' };
// The modules behind @hiring/messaging/dead-letters besides its own folder.
const lightMessagingHelpers = ['types', 'util', 'idempotent-producer', 'kafka-socket'].map((m) => `libs/messaging/src/lib/${m}.ts`);
// The app files that may import a driver: repositories (and the entities,
// migrations and data source they need) for Postgres; readers and the CLI for Kafka.
const databaseAdapters = ['apps/**/*.repository.ts', 'apps/**/*.entity.ts', 'apps/**/*.database.ts', 'apps/**/migrations/**', 'apps/**/*.migration.ts'];
const kafkaAdapters = ['apps/**/*.reader.ts', 'apps/cli/**'];
const noDatabase = [
  ...['typeorm', '@nestjs/typeorm', 'pg'].map((name) => ({ name, message: 'Take a Tx (@hiring/platform) and use a *.repository.ts.' })),
  { name: '@hiring/platform', importNames: ['entityManagerOf', 'asTx'], message: 'Only repositories open a Tx; use cases get one from Transactions.run or the consumer.' },
];
const noKafka = [{ name: 'kafkajs', message: 'Use EventPublisher from @hiring/messaging, or a *.reader.ts.' }];
// Driver types that must not cross a port (TypeORM, kafkajs, pg).
const driverType = "TSTypeReference[typeName.name=/^(EntityManager|DataSource|QueryRunner|Repository|SelectQueryBuilder|Kafka|Producer|Consumer|Admin|KafkaMessage|EachBatchPayload|Pool|PoolClient)$/]";
const tests = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.scale-spec.ts', '**/*.res-spec.ts', '**/test/**', '**/testing/**', 'libs/testing/**', 'test/**'];

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.cache/**', '**/.nx/**', '**/*.js', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [deepRelative] }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:messaging', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:messaging'] },
            // Messaging reads the domain's errors through the platform's table; its tests throw them.
            { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:domain'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ['typeorm', 'kafkajs', 'pg', '@nestjs/typeorm'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], bannedExternalImports: io },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:sourcing', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:screening', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:scoring', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:offer', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:monitor', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:system', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // Production code never ships the contracts' example events.
    files: ['**/*.ts'],
    ignores: tests,
    rules: {
      'no-restricted-imports': ['error', { paths: [fixtures], patterns: [deepRelative] }],
    },
  },
  {
    // @hiring/messaging/dead-letters serves the CLI: Kafka and the contracts only.
    // Its modules may reach only each other and the light helpers below, so
    // NestJS, TypeORM and pg never load behind it.
    files: ['libs/messaging/src/dead-letters.ts', 'libs/messaging/src/lib/dead-letters/**/*.ts', ...lightMessagingHelpers],
    ignores: tests,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [fixtures, ...io.filter((name) => !name.includes('*') && name !== 'kafkajs').map((name) => ({ name, message: 'The dead-letter entry point loads no NestJS, TypeORM or pg.' }))],
          patterns: [
            deepRelative,
            { group: ['@nestjs/*', '@hiring/platform', '@hiring/messaging'], message: 'The dead-letter entry point loads no NestJS, TypeORM or pg.' },
            {
              regex: '^\\.\\.?/(?!(lib/dead-letters/|lib/util$|lib/kafka-socket$|dead-letter-|types$|util$|idempotent-producer$))',
              message: 'Behind @hiring/messaging/dead-letters: import only the dead-letter modules, types, util, kafka-socket and idempotent-producer.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only adapters speak to the drivers. Everything else in an app (use
    // cases wherever they live and whatever they are called, handlers,
    // publishers, ports, controllers, mappers) takes a Tx and talks to a
    // repository or EventPublisher, and cannot open a Tx (entityManagerOf).
    files: ['apps/**/*.ts'],
    ignores: [...tests, ...databaseAdapters, ...kafkaAdapters],
    rules: { 'no-restricted-imports': ['error', { paths: [fixtures, ...noDatabase, ...noKafka], patterns: [deepRelative] }] },
  },
  {
    files: databaseAdapters,
    ignores: tests,
    rules: { 'no-restricted-imports': ['error', { paths: [fixtures, ...noKafka], patterns: [deepRelative] }] },
  },
  {
    files: kafkaAdapters,
    ignores: tests,
    rules: { 'no-restricted-imports': ['error', { paths: [fixtures, ...noDatabase], patterns: [deepRelative] }] },
  },
  {
    // A port is what a use case sees of an adapter: the public methods of a
    // repository, reader or port, and the functions and types an app exports. No driver
    // type may appear there, not even behind an alias (export type XTx =
    // EntityManager), or the import bans above would be blind to it.
    files: ['apps/**/*.ts'],
    // The CLI's Kafka helpers hand the session's Kafka client to each other: they are all one adapter.
    ignores: [...tests, 'apps/**/migrations/**', 'apps/**/*.migration.ts', 'apps/**/*.database.ts', 'apps/cli/src/kafka/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          `:matches(MethodDefinition, TSAbstractMethodDefinition)[kind='method'][accessibility!='private'] > :matches(FunctionExpression, TSEmptyBodyFunctionExpression) > :matches(Identifier, AssignmentPattern, RestElement, TSTypeAnnotation) ${driverType}`,
          `ExportNamedDeclaration > FunctionDeclaration > :matches(Identifier, AssignmentPattern, RestElement, TSTypeAnnotation) ${driverType}`,
          `PropertyDefinition[accessibility!='private'] > TSTypeAnnotation ${driverType}`,
          `TSParameterProperty[accessibility='public'] ${driverType}`,
          `ExportNamedDeclaration > :matches(TSTypeAliasDeclaration, TSInterfaceDeclaration) ${driverType}`,
        ].map((selector) => ({ selector, message: 'A driver type in a port: take or return a Tx (@hiring/platform) or plain data, and keep TypeORM and kafkajs inside the adapter.' })),
      ],
    },
  },
  {
    // The contracts' example events reach tests only through @hiring/contracts/testing.
    files: ['libs/contracts/src/**/*.ts'],
    ignores: [...tests, 'libs/contracts/src/testing.ts', 'libs/contracts/src/examples/**', 'libs/contracts/src/asyncapi/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [fixtures], patterns: [deepRelative, { group: ['**/examples/*'], message: 'Example events are for tests and the AsyncAPI document: export them from testing.ts only.' }] }],
    },
  },
];
