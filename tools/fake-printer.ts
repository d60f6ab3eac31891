/**
 * A fake ESC/POS network printer for development and demos: listens on TCP, decodes every job
 * back into a PNG and prints where it wrote it. Type a state + Enter to script DLE EOT answers.
 *
 *   npx tsx tools/fake-printer.ts [--port 9100] [--host 127.0.0.1] [--out test-artifacts/printer/fake] [--state ok]
 *   XEPHANG_PRINTER=tcp://127.0.0.1:9100   (then point the server at it)
 *
 * States: ok paperNearEnd paperOut coverOpen error silence disconnect stall
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { FakePrinter, type FakePrinterState } from '../tests/fakes/fake-printer.js';

const STATES: readonly FakePrinterState[] = [
  'ok',
  'paperNearEnd',
  'paperOut',
  'coverOpen',
  'error',
  'silence',
  'disconnect',
  'stall',
];

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    host: { type: 'string', default: '127.0.0.1' },
    out: { type: 'string', default: 'test-artifacts/printer/fake' },
    state: { type: 'string', default: 'ok' },
  },
});

const isState = (s: string): s is FakePrinterState => (STATES as readonly string[]).includes(s);
const initial = values.state ?? 'ok';
if (!isState(initial)) {
  console.error(`unknown state "${initial}"; use one of: ${STATES.join(' ')}`);
  process.exit(2);
}

const out = resolve(values.out ?? 'test-artifacts/printer/fake');
mkdirSync(out, { recursive: true });
const printer = await FakePrinter.start(initial, Number(values.port), values.host);
console.log(`fake printer on tcp://${values.host}:${printer.port} (state ${printer.state}), PNGs in ${out}`);

printer.onJob((job) => {
  const name = `job-${String(printer.jobs.length).padStart(4, '0')}-${job.image.width}x${job.image.height}.png`;
  const path = resolve(out, name);
  writeFileSync(path, job.png);
  const qr = job.qr ? ` qr=${job.qr.data}` : '';
  console.log(
    `job ${printer.jobs.length}: ${job.bytes.length} bytes, cut=${job.cut ?? 'none'}${qr} → ${path}`,
  );
});

createInterface({ input: process.stdin }).on('line', (line) => {
  const next = line.trim();
  if (isState(next)) {
    printer.state = next;
    console.log(`state → ${next}`);
  } else if (next) console.log(`states: ${STATES.join(' ')}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void printer.close().then(() => process.exit(0));
  });
}
