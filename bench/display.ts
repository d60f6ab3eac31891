/**
 * Display benchmarks (issue 6) against a real server process over loopback:
 * - call → display latency with 50 Socket.IO display clients, ≥ 200 calls: from sending call-next to
 *   each client receiving `ticket:called` (every delivery is a sample);
 * - the display app's JavaScript, gzipped (dist/apps/display, built by `npm run build:apps`);
 * - a memory soak: Chromium on /display while calls arrive at a compressed rate, JS heap after a
 *   forced GC after a warm-up, half-way and at the end (SOAK_CALLS, default 2000; SOAK_INTERVAL_MS,
 *   default 40; 8640 calls = a 24-hour day at 1 call every 10 s). SOAK_CALLS=0 skips it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { io, type Socket } from 'socket.io-client';
import { launchBrowser } from '../tests/fakes/browser.js';
import { HttpClient } from '../tests/fakes/http-client.js';
import { ServerProcess } from '../tests/fakes/server-process.js';
import { freePort, tempDataDir } from '../tests/fakes/test-server.js';
import { Figures, percentile, sleep } from './lib.js';

const ROOT = join(import.meta.dirname, '..');
const SITE = join(import.meta.dirname, 'site.json');
const SERVICES = Array.from({ length: 12 }, (_, i) => `S${i}`);
const CLIENTS = 50;
const CALLS = Number(process.env.DISPLAY_BENCH_CALLS ?? 240);
const SOAK_CALLS = Number(process.env.SOAK_CALLS ?? 2000);
const SOAK_INTERVAL_MS = Number(process.env.SOAK_INTERVAL_MS ?? 40);
const figures = new Figures();

async function startServer(): Promise<ServerProcess> {
  const entry = process.env.XEPHANG_BENCH_ENTRY === 'dist' ? 'dist' : 'ts';
  const env = { XEPHANG_SITE: SITE, XEPHANG_LOG_LEVEL: 'warn', XEPHANG_PRINTER: 'none' };
  const p = new ServerProcess(await freePort(), tempDataDir('xephang-bench-display-'), env, entry);
  await p.start(60_000);
  return p;
}

function displayClient(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(`${url}/display`, { transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function official(url: string, n: number): Promise<HttpClient> {
  const c = new HttpClient(url);
  const r = await c.login(`cb${n}`, '1234', n);
  if (r.status !== 201) throw new Error(`login cb${n}: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

/**
 * Sequential calls alternating between two counters; before each call-next the clients are armed for
 * that counter, so every `ticket:called` delivery for it is one sample (sent → received).
 */
async function callToDisplay(p: ServerProcess): Promise<void> {
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => displayClient(p.url)));
  const officials = [await official(p.url, 1), await official(p.url, 2)];
  const lat: number[] = [];
  const http: number[] = [];
  const first: number[] = [];
  const spread: number[] = [];
  let armed: { counter: number; t0: number; got: number; done: () => void; first?: number } | null = null;
  for (const s of clients) {
    s.on('ticket:called', (call: { counter: number; recall: boolean }) => {
      const a = armed;
      if (!a || call.counter !== a.counter || call.recall) return;
      const ms = performance.now() - a.t0;
      lat.push(ms);
      a.first ??= ms;
      if (++a.got === CLIENTS) {
        first.push(a.first);
        spread.push(ms - a.first);
        a.done();
      }
    });
  }
  for (let i = 0; i < CALLS; i++) {
    const counter = (i % 2) + 1;
    const c = officials[counter - 1]!;
    await c.counter(counter, 'finish');
    await c.issue(SERVICES[i % SERVICES.length]!);
    let timer: NodeJS.Timeout | undefined;
    const t0 = performance.now();
    const all = new Promise<void>((resolve, reject) => {
      armed = { counter, t0, got: 0, done: resolve };
      timer = setTimeout(
        () => reject(new Error(`call ${i}: only ${armed?.got}/${CLIENTS} deliveries in 5 s`)),
        5000,
      );
    });
    const r = await c.counter(counter, 'call-next');
    http.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`call-next: ${r.status} ${JSON.stringify(r.body)}`);
    await all.finally(() => clearTimeout(timer));
    armed = null;
  }
  figures.add('display_bench_call_to_display_ms_p50', percentile(lat, 50), 'ms');
  figures.add('display_bench_call_to_display_ms_p99', percentile(lat, 99), 'ms', '≤ 20 ms');
  figures.add('display_bench_call_to_display_samples', lat.length, 'deliveries');
  // for reading the figures: the first of the 50 deliveries, and first → last (all 50 sockets are read
  // by this one process, so part of the spread is the bench's own work, not the server's)
  figures.add('call_to_first_display_ms_p99', percentile(first, 99), 'ms');
  figures.add('display_fanout_spread_ms_p50', percentile(spread, 50), 'ms');
  figures.add('display_fanout_spread_ms_p99', percentile(spread, 99), 'ms');
  // the call-next round trip alone (commit with synchronous=FULL included)
  figures.add('call_next_http_ms_p50', percentile(http, 50), 'ms');
  figures.add('call_next_http_ms_p99', percentile(http, 99), 'ms');
  for (const s of clients) s.close();
}

/** Every JavaScript file the display app ships, gzipped (level 9), and the entry chunk alone. */
function bundleSize(): void {
  const dir = join(ROOT, 'dist', 'apps', 'display', 'assets');
  if (!existsSync(dir)) {
    process.stdout.write('display_bundle_kb_gzip: dist/apps/display missing (run npm run build:apps)\n');
    return;
  }
  const html = readFileSync(join(ROOT, 'dist', 'apps', 'display', 'index.html'), 'utf8');
  let total = 0;
  let entry = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.js'))) {
    const kb = gzipSync(readFileSync(join(dir, f)), { level: 9 }).length / 1024;
    total += kb;
    if (html.includes(f)) entry += kb;
  }
  figures.add('display_bundle_kb_gzip', total, 'KB', '≤ 100 KB');
  figures.add('display_bundle_entry_kb_gzip', entry, 'KB');
}

/** Chromium on /display while SOAK_CALLS calls arrive; JS heap after a forced GC, before and after. */
async function soak(p: ServerProcess): Promise<void> {
  if (SOAK_CALLS <= 0) return;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${p.url}/display`);
    await page.waitForSelector('[data-testid=lobby]', { timeout: 15_000 });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await sleep(200);
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const nodes = () => page.evaluate(() => document.getElementsByTagName('*').length);
    const counters = [await official(p.url, 3), await official(p.url, 4)];
    const run = async (calls: number) => {
      for (let i = 0; i < calls; i++) {
        const n = (i % 2) + 3;
        const c = counters[n - 3]!;
        await c.counter(n, 'finish');
        await c.issue(SERVICES[i % SERVICES.length]!);
        await c.counter(n, 'call-next');
        if (i % 3 === 0) await c.counter(n, 'recall');
        await sleep(SOAK_INTERVAL_MS);
      }
    };
    // warm-up (JIT, caches, the voice queue at its cap, every segment decoded): the heap settles after a
    // few hundred calls, so growth is measured from there
    await run(Math.max(500, Math.floor(SOAK_CALLS / 10)));
    await sleep(1000);
    const [heap0, nodes0] = [await heap(), await nodes()];
    const t0 = performance.now();
    await run(Math.floor(SOAK_CALLS / 2));
    await sleep(1500);
    const heapMid = await heap();
    await run(SOAK_CALLS - Math.floor(SOAK_CALLS / 2));
    await sleep(1500);
    const [heap1, nodes1] = [await heap(), await nodes()];
    const minutes = (performance.now() - t0) / 60_000;
    process.stdout.write(
      `soak: ${SOAK_CALLS} calls in ${minutes.toFixed(1)} min; heap ${(heap0 / 1e6).toFixed(2)} → ${(heapMid / 1e6).toFixed(2)} (half) → ${(heap1 / 1e6).toFixed(2)} MB; DOM nodes ${nodes0} → ${nodes1}\n`,
    );
    figures.add('display_heap_before_mb', heap0 / 1e6, 'MB');
    figures.add('display_heap_after_mb', heap1 / 1e6, 'MB');
    figures.add('display_heap_growth_pct', ((heap1 - heap0) / heap0) * 100, '%', '≈ 0 (flat)');
    figures.add('display_heap_growth_second_half_pct', ((heap1 - heapMid) / heapMid) * 100, '%');
    figures.add('display_dom_nodes_growth', nodes1 - nodes0, 'nodes', '0');
  } finally {
    await browser.close();
  }
}

const p = await startServer();
try {
  await callToDisplay(p);
  bundleSize();
  await soak(p);
} finally {
  await p.stop();
}
figures.save('results-display.json');
