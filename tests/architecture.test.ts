import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rule of docs/architecture.md, enforced: core imports nothing of ours outside core
 * and no node:* / I/O; drivers never import server; apps import only core, client and libraries.
 */
const ROOT = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(join(ROOT, p)).isDirectory()) out.push(...files(p));
    else if (/\.(ts|svelte)$/.test(name) && !/\.test(-d)?\.ts$/.test(name)) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const src = readFileSync(join(ROOT, file), 'utf8');
  return [
    ...src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2] ?? '');
}

function topOf(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(ROOT, join(ROOT, file, '..', spec)).split('/')[0] ?? '';
}

const rules: Array<[string, (file: string, spec: string) => string | null]> = [
  [
    'core',
    (f, s) =>
      s.startsWith('node:') || /^(fs|path|os|crypto|better-sqlite3|serialport|fastify|socket\.io)/.test(s)
        ? 'core must stay pure (no node:* or I/O libraries)'
        : s.startsWith('.') && topOf(f, s) !== 'core'
          ? 'core imports nothing of ours outside core'
          : null,
  ],
  [
    'drivers',
    (f, s) =>
      ['server', 'kiosk', 'display', 'console', 'client'].includes(topOf(f, s))
        ? 'drivers must not import the server or apps'
        : null,
  ],
  ...(['kiosk', 'display', 'console', 'client'] as const).map(
    (app) =>
      [
        app,
        (f: string, s: string) =>
          ['server', 'drivers'].includes(topOf(f, s)) || s.startsWith('node:')
            ? 'apps import only core, client and browser libraries'
            : null,
      ] as [string, (file: string, spec: string) => string | null],
  ),
];

describe('dependency rule', () => {
  it.each(rules)('%s', (dir, check) => {
    const problems: string[] = [];
    for (const f of files(dir)) {
      if (f.endsWith('vite.config.ts') || f === 'client/vite-app-config.ts') continue;
      for (const spec of imports(f)) {
        const p = check(f, spec);
        if (p) problems.push(`${f}: ${spec} — ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
