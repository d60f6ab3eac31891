/**
 * Extra Socket.IO clients in their own process (bench/server.ts): they load the server like the
 * officials' consoles do, without their frames queuing in front of the measured display clients.
 * Usage: tsx bench/socket-load.ts <url> <namespace> <count>  (cookie in XEPHANG_BENCH_COOKIE);
 * prints "ready" once all are connected and stays until its stdin closes.
 */
import { socketClient } from './lib.js';

const [url, ns, count] = process.argv.slice(2);
const cookie = process.env.XEPHANG_BENCH_COOKIE;
const sockets = await Promise.all(
  Array.from({ length: Number(count) }, () => socketClient(url!, ns!, cookie)),
);
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  for (const s of sockets) s.close();
  process.exit(0);
});
