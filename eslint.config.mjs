// Lint is also where the architecture is enforced: the module-boundary rule
// keeps the arrows one way (apps -> libs, domain -> nothing), and use-case
// services may not reach for Kafka or TypeORM directly.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const io = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', '@nestjs/typeorm', 'class-validator', 'class-transformer'];
const deepRelative = { group: ['../../*'], message: 'Use the workspace alias (@hiring/...) instead of deep relative imports.' };
const fixtures = { name: '@hiring/contracts/testing', message: 'Example events are test fixtures: import them in specs and test helpers only.' };
// The modules behind @hiring/messaging/dead-letters besides its own folder.
const lightMessagingHelpers = ['types', 'util', 'idempotent-producer'].map((m) => `libs/messaging/src/lib/${m}.ts`);
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
              regex: '^\\.\\.?/(?!(lib/dead-letters/|lib/util$|dead-letter-|types$|util$|idempotent-producer$))',
              message: 'Behind @hiring/messaging/dead-letters: import only the dead-letter modules, types, util and idempotent-producer.',
            },
          ],
        },
      ],
    },
  },
  {
    // Use cases, event handlers and publishers talk to ports (repositories, the
    // Tx, EventPublisher), never to the drivers: only repositories and
    // adapters open a Tx (entityManagerOf).
    files: ['apps/**/*.service.ts', 'apps/**/*.handler.ts', 'apps/**/*.publisher.ts'],
    ignores: tests,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [fixtures, { name: 'typeorm', message: 'Take a Tx (@hiring/platform) and use a *.repository.ts.' }, { name: 'kafkajs', message: 'Use EventPublisher from @hiring/messaging.' }], patterns: [deepRelative] },
      ],
    },
  },
];
