import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderApiDoc } from '../../scripts/api-doc.js';

it('docs/api.md matches the contract (regenerate: node --import tsx scripts/api-doc.ts)', () => {
  expect(readFileSync('docs/api.md', 'utf8')).toBe(renderApiDoc());
});
