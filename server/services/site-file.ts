import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { type SiteFile, SiteFileSchema } from '../../core/contracts/site.js';
import { ConfigError } from '../config.js';

/** Reads and validates a site file; every problem is listed with its JSON path. */
export function readSiteFile(path: string): SiteFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').normalize('NFC'));
  } catch (e) {
    throw new ConfigError([`XEPHANG_SITE: cannot read ${path}: ${(e as Error).message}`]);
  }
  const problems = [...Value.Errors(SiteFileSchema, raw)].map(
    (e) => `XEPHANG_SITE ${path}: ${e.instancePath || '/'} ${e.message}`,
  );
  if (problems.length) throw new ConfigError(problems.slice(0, 50));
  const site = raw as SiteFile;
  problems.push(...crossChecks(site).map((p) => `XEPHANG_SITE ${path}: ${p}`));
  if (problems.length) throw new ConfigError(problems);
  return site;
}

function dupes(values: readonly (string | number)[]): Array<string | number> {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Rules the schema cannot say: unique codes, prefixes, counter numbers, known services. */
export function crossChecks(site: SiteFile): string[] {
  const out: string[] = [];
  const codes = site.services.map((s) => s.code);
  for (const d of dupes(codes)) out.push(`/services: service code "${d}" is used twice`);
  for (const d of dupes(site.services.map((s) => s.prefix)))
    out.push(`/services: prefix "${d}" is used twice`);
  for (const d of dupes(site.counters.map((c) => c.number)))
    out.push(`/counters: counter ${d} is listed twice`);
  for (const d of dupes(site.officials.map((o) => o.username)))
    out.push(`/officials: username "${d}" is used twice`);
  for (const c of site.counters) {
    for (const s of c.services)
      if (!codes.includes(s)) out.push(`/counters/${c.number}: unknown service "${s}"`);
  }
  return out;
}
