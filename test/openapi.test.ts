import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateApiTypes } from '../scripts/gen-api.js';
import { openApiDocument } from '../scripts/openapi.js';

describe('the OpenAPI document', () => {
  it('describes every API route with a summary, and is valid OpenAPI 3', async () => {
    const doc = await openApiDocument() as { openapi: string; paths: Record<string, Record<string, { summary?: string }>> };
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ p, m, op })));
    expect(operations.length).toBeGreaterThan(40);
    for (const { p, m, op } of operations) expect(op.summary, `${m} ${p}`).toBeTruthy();
  });

  it('is what the web client is typed from: web/src/api/schema.d.ts is current (run `npm run gen:api`)', async () => {
    expect(await fs.readFile('web/src/api/schema.d.ts', 'utf8')).toBe(await generateApiTypes());
  });
});
