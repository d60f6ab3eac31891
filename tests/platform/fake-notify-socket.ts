import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A real unix datagram socket standing in for systemd's NOTIFY_SOCKET: a python3 process binds it
 * (a path, or an abstract name starting with '@') and prints every datagram as one JSON line.
 */
export interface FakeNotifySocket {
  readonly address: string;
  readonly messages: string[];
  /** Resolves with the first message containing `text`; rejects after `timeoutMs`. */
  waitFor(text: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

const RECEIVER = [
  'import json,socket,sys',
  'a=sys.argv[1]',
  "b='\\0'+a[1:] if a.startswith('@') else a",
  's=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM)',
  's.bind(b)',
  "print('BOUND',flush=True)",
  'while True:',
  '  d,_,_,_=s.recvmsg(65536,64)',
  '  print(json.dumps(d.decode()),flush=True)',
].join('\n');

export async function startFakeNotifySocket(address: string): Promise<FakeNotifySocket> {
  const child: ChildProcess = spawn('python3', ['-c', RECEIVER, address], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const messages: string[] = [];
  const waiters = new Set<() => void>();
  const lines = createInterface({ input: child.stdout! });
  const bound = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('fake NOTIFY_SOCKET did not bind')), 10_000);
    child.once('exit', () => reject(new Error('fake NOTIFY_SOCKET exited')));
    lines.on('line', (line) => {
      if (line === 'BOUND') {
        clearTimeout(timer);
        resolve();
        return;
      }
      messages.push(JSON.parse(line) as string);
      for (const w of waiters) w();
    });
  });
  await bound;
  return {
    address,
    messages,
    waitFor(text, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find((m) => m.includes(text));
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${text}" within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close() {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
