/**
 * Server benchmarks against a real built server process over loopback (issue 11):
 * cold start, issue latency at 50/s, max sustained issue rate with synchronous=FULL, call→display
 * latency with 50 displays + 30 consoles while issuing 20/s, and RSS after 10,000 and 100,000 tickets.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { HttpClient } from '../tests/fakes/http-client.js';
import { ServerProcess } from '../tests/fakes/server-process.js';
import { freePort, tempDataDir } from '../tests/fakes/test-server.js';
import { Figures, percentile, rssMb, sleep, socketClient } from './lib.js';

const SITE = join(import.meta.dirname, 'site.json');
const SERVICES = Array.from({ length: 12 }, (_, i) => `S${i}`);
const figures = new Figures();

/**
 * `printer`: the server's own figures (issuing rate, memory) are taken with no printer, as an
 * API client or a ticket button sees them; call→display is taken while every ticket is rendered and
 * printed (to /dev/null), as in a lobby. Printing itself is measured by bench/print.ts.
 */
async function startServer(
  dataDir = tempDataDir('xephang-bench-'),
  printer: 'none' | 'file:/dev/null' = 'file:/dev/null',
): Promise<ServerProcess> {
  const p = new ServerProcess(
    await freePort(),
    dataDir,
    { XEPHANG_SITE: SITE, XEPHANG_LOG_LEVEL: 'warn', XEPHANG_PRINTER: printer },
    'dist',
  );
  await p.start(30_000);
  return p;
}

async function coldStart(): Promise<void> {
  const samples: number[] = [];
  const dataDir = tempDataDir('xephang-bench-');
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const p = await startServer(dataDir);
    samples.push(performance.now() - t0);
    await p.stop();
  }
  figures.add('cold_start_ms', percentile(samples, 50), 'ms', '≤ 2000 ms');
}

/** Open loop: send at a fixed rate, measure each request's latency to its durable 201. */
async function openLoop(url: string, ratePerS: number, seconds: number): Promise<number[]> {
  const c = new HttpClient(url);
  const lat: number[] = [];
  const pending: Promise<void>[] = [];
  const total = ratePerS * seconds;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / ratePerS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const t0 = performance.now();
    pending.push(
      c.issue(SERVICES[i % SERVICES.length]!).then((r) => {
        if (r.status === 201) lat.push(performance.now() - t0);
      }),
    );
  }
  await Promise.all(pending);
  return lat;
}

async function maxRate(url: string, seconds: number, concurrency: number): Promise<number> {
  const c = new HttpClient(url);
  let ok = 0;
  const end = performance.now() + seconds * 1000;
  let i = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const r = await c.issue(SERVICES[i++ % SERVICES.length]!);
      if (r.status === 201) ok++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ok / ((performance.now() - t0) / 1000);
}

async function issuing(): Promise<void> {
  const p = await startServer(undefined, 'none');
  const lat = await openLoop(p.url, 50, 10);
  figures.add('issue_ticket_ms_p50', percentile(lat, 50), 'ms');
  figures.add('issue_ticket_ms_p99', percentile(lat, 99), 'ms', '≤ 15 ms');
  figures.add('issue_ticket_max_per_s', await maxRate(p.url, 5, 64), 'tickets/s', '≥ 1000/s');
  await p.stop();
}

async function loginLeader(url: string): Promise<HttpClient> {
  const leader = new HttpClient(url);
  const r = await leader.login('lead', '1234');
  if (r.status !== 201) throw new Error(`leader login failed: ${JSON.stringify(r.body)}`);
  return leader;
}

/** `count` sockets in a child process; resolves once they are all connected. */
function socketLoad(url: string, ns: string, count: number, cookie: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'socket-load.ts'), url, ns, String(count)],
    { env: { ...process.env, XEPHANG_BENCH_COOKIE: cookie }, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      if (String(d).includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`socket-load exited with ${code}`)));
  });
}

/**
 * Issue 11's figure: calls one after another (rotating over 4 counters) reach 50 display sockets
 * while 30 console sockets are connected and tickets are issued (and printed) at 20/s. Then a
 * harsher figure with no target: the 4 counters calling in the same millisecond.
 */
async function callToDisplay(): Promise<void> {
  const p = await startServer();
  const leader = await loginLeader(p.url);
  const displays = await Promise.all(Array.from({ length: 50 }, () => socketClient(p.url, '/display')));
  const consoles = await socketLoad(p.url, '/console', 30, leader.cookie);
  const officials = await Promise.all(
    [1, 2, 3, 4].map(async (n) => {
      const c = new HttpClient(p.url);
      await c.login(`cb${n}`, '1234', n);
      return { c, n };
    }),
  );
  // one call in flight per counter: its send time, armed before the request (the event can
  // reach the displays before the HTTP answer reaches the official)
  const sentAt = new Map<number, number>();
  let lat: number[] = [];
  for (const d of displays) {
    d.on('ticket:called', (call: { counter: number; recall: boolean }) => {
      const t0 = sentAt.get(call.counter);
      if (t0 !== undefined && !call.recall) lat.push(performance.now() - t0);
    });
  }
  const callOnce = async ({ c, n }: (typeof officials)[number]) => {
    await c.counter(n, 'finish');
    sentAt.set(n, performance.now());
    await c.counter(n, 'call-next');
    await sleep(20); // let the 50 deliveries of this call arrive before the next one is armed
    sentAt.delete(n);
  };
  // background arrivals at 20/s
  let issuing = true;
  const kiosk = new HttpClient(p.url);
  const arrivals = (async () => {
    for (let i = 0; issuing; i++) {
      void kiosk.issue(SERVICES[i % 12]!);
      await sleep(50);
    }
  })();
  await sleep(1000);
  for (let i = 0; i < 200; i++) {
    await callOnce(officials[i % 4]!);
    await sleep(40);
  }
  figures.add('call_to_display_ms_p50', percentile(lat, 50), 'ms');
  figures.add('call_to_display_ms_p99', percentile(lat, 99), 'ms', '≤ 20 ms');
  figures.add('call_to_display_samples', lat.length, 'deliveries');
  lat = [];
  for (let round = 0; round < 40; round++) {
    await Promise.all(officials.map(callOnce));
    await sleep(100);
  }
  figures.add('call_to_display_burst4_ms_p50', percentile(lat, 50), 'ms');
  figures.add('call_to_display_burst4_ms_p99', percentile(lat, 99), 'ms');
  await sleep(500);
  issuing = false;
  await arrivals;
  for (const s of displays) s.close();
  consoles.kill();
  await p.stop();
}

/**
 * A simulated busy day: kiosks issue while 8 officials call and finish, so the queue stays as long
 * as a real one (hundreds, not thousands); RSS after 10,000 tickets, then after 100,000 in all.
 */
async function memory(): Promise<void> {
  const p = await startServer(undefined, 'none');
  const pid = p.child!.pid!;
  const leader = await loginLeader(p.url);
  const sockets = [
    ...(await Promise.all(Array.from({ length: 50 }, () => socketClient(p.url, '/display')))),
    ...(await Promise.all(Array.from({ length: 30 }, () => socketClient(p.url, '/console', leader.cookie)))),
  ];
  const officials = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const c = new HttpClient(p.url);
      await c.login(`cb${i + 1}`, '1234', i + 1);
      return { c, n: i + 1 };
    }),
  );
  let issued = 0;
  let served = 0;
  const day = async (n: number) => {
    const target = issued + n;
    let issuing = true;
    const kiosk = new HttpClient(p.url);
    const kiosks = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (issued < target) {
          // a real lobby: at most a few hundred people waiting
          if (issued - served > 300) {
            await sleep(5);
            continue;
          }
          issued++;
          await kiosk.issue(SERVICES[issued % 12]!);
        }
      }),
    ).then(() => {
      issuing = false;
    });
    // officials serve until the queue is empty and issuing is over
    await Promise.all(
      officials.map(async ({ c, n: counter }) => {
        for (;;) {
          const r = await c.counter(counter, 'call-next');
          if (r.status === 200 && (await c.counter(counter, 'finish')).status === 200) served++;
          else if (!issuing) break;
          else await sleep(5);
        }
      }),
    );
    await kiosks;
  };
  await day(10_000);
  await sleep(2000);
  const first = rssMb(pid);
  figures.add('server_rss_mb', first, 'MB', '≤ 150 MB after a 10,000-ticket day');
  await day(90_000);
  await sleep(2000);
  const after = rssMb(pid);
  figures.add('server_rss_mb_100k', after, 'MB');
  figures.add('server_rss_growth_pct', ((after - first) / first) * 100, '%', '≤ 10 %');
  for (const s of sockets) s.close();
  await p.stop();
}

const only = process.argv[2];
const parts: Record<string, () => Promise<void>> = { coldStart, issuing, callToDisplay, memory };
for (const [name, fn] of Object.entries(parts)) {
  if (!only || only === name) await fn();
}
figures.save('results-server.json');
process.exit(0);
