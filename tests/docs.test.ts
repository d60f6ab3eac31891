import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/domain/errors.js';
import { HTTP_STATUS } from '../server/http/error-status.js';

const ROOT = join(import.meta.dirname, '..');

describe('docs stay true', () => {
  it('docs/api.md lists every stable error code with its HTTP status', () => {
    const api = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
    const missing = ERROR_CODES.filter((c) => !api.includes(`| \`${c}\` | ${HTTP_STATUS[c]} |`));
    expect(missing).toEqual([]);
  });
});
