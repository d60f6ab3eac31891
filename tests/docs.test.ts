import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/domain/errors.js';
import { HTTP_STATUS } from '../server/http/error-status.js';

const ROOT = join(import.meta.dirname, '..');

describe('docs stay true', () => {
  it('docs/api.md lists every stable error code with its HTTP status', () => {
    const api = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
    // Table rows may be padded by the formatter: `| CODE     | 404    |`.
    const rows = new Map(
      [...api.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [m[1], Number(m[2])]),
    );
    const missing = ERROR_CODES.filter((c) => rows.get(c) !== HTTP_STATUS[c]);
    expect(missing).toEqual([]);
  });
});
