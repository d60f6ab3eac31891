/**
 * `npm run bench`: every benchmark against the real parts, one after the other (they share the
 * 2 cores), then one table of figures with their targets in bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Figure, machine, readResults } from './lib.js';

const BENCHES: Array<[script: string, results: string]> = [
  ['server.ts', 'results-server.json'],
  ['print.ts', 'results-print.json'],
  ['kiosk.ts', 'results-kiosk.json'],
  ['display.ts', 'results-display.json'],
  ['reports.ts', 'results-reports.json'],
];

const m = machine();
process.stdout.write(`machine cores=${m.cores} cpu="${m.cpu}" node=${m.node}\n`);
const all: Figure[] = [];
const failed: string[] = [];
for (const [script, results] of BENCHES) {
  const path = join(import.meta.dirname, script);
  if (!existsSync(path)) continue;
  process.stdout.write(`\n== ${script}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) failed.push(script);
  all.push(...(readResults(results)?.figures ?? []));
}
writeFileSync(
  join(import.meta.dirname, 'results.json'),
  JSON.stringify({ machine: m, at: new Date().toISOString(), figures: all }, null, 2),
);
process.stdout.write('\n== all figures\n');
for (const f of all)
  process.stdout.write(`${f.name} ${f.value} ${f.unit}${f.target ? `   (target ${f.target})` : ''}\n`);
if (failed.length) {
  process.stdout.write(`\nbenchmarks that failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
