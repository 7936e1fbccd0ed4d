// Writes docs/asyncapi.json from the catalogues:
//   node -r @swc-node/register libs/contracts/src/asyncapi/generate-asyncapi.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ASYNCAPI_DOCUMENT_PATH, renderAsyncApiDocument } from './asyncapi-document';

/** Repository root: this file sits at libs/contracts/src/asyncapi. */
export const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..', '..');

if (require.main === module) {
  const target = resolve(REPOSITORY_ROOT, ASYNCAPI_DOCUMENT_PATH);
  writeFileSync(target, renderAsyncApiDocument());
  process.stdout.write(`wrote ${target}\n`);
}
