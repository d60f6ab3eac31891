import { type ChildProcess, spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real pseudo-terminal pair made by socat, standing in for a USB-serial device.
 *
 *   const pty = await startPtyPair();      // links <tmp>/dev and <tmp>/box
 *   new SerialDevice({ path: pty.devicePath })   // the code under test opens the "dev" end
 *   await pty.write('K1\r\n');             // bytes the box sends (string = latin1/ASCII)
 *   pty.readAvailable();                   // bytes the code under test wrote (non-blocking)
 *   await pty.unplug();                    // kill socat: both links vanish, readers see a disconnect
 *   await pty.replug();                    // new socat, same link paths (new /dev/pts numbers)
 *   await pty.close();                     // kill socat and remove the temp dir (afterEach/afterAll)
 *
 * Every wait is bounded by `timeoutMs` (default 5 s). `stopAllPtyPairs()` kills every pair still
 * running (also done on process exit), so no socat is ever left behind.
 * Needs /usr/bin/socat (Debian package `socat`).
 */
export interface PtyPair {
  /** path the code under test opens (a symlink to /dev/pts/N) */
  readonly devicePath: string;
  /** the box end; `write()` writes here */
  readonly boxPath: string;
  readonly dir: string;
  readonly plugged: boolean;
  write(data: Buffer | string): Promise<void>;
  readAvailable(): Buffer;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

export interface PtyOptions {
  timeoutMs?: number;
  socatPath?: string;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

export function stopAllPtyPairs(): void {
  for (const p of live) p.kill('SIGKILL');
  live.clear();
}

export async function startPtyPair(opts: PtyOptions = {}): Promise<PtyPair> {
  if (!exitHookInstalled) {
    process.once('exit', stopAllPtyPairs);
    exitHookInstalled = true;
  }
  const pair = new SocatPair(mkdtempSync(join(tmpdir(), 'xephang-pty-')), opts);
  try {
    await pair.replug();
  } catch (err) {
    await pair.close();
    throw err;
  }
  return pair;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class SocatPair implements PtyPair {
  readonly devicePath: string;
  readonly boxPath: string;
  private proc: ChildProcess | undefined;
  private boxFd: number | undefined;
  private readonly timeoutMs: number;
  private readonly socat: string;

  constructor(
    readonly dir: string,
    opts: PtyOptions,
  ) {
    this.devicePath = join(dir, 'dev');
    this.boxPath = join(dir, 'box');
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.socat = opts.socatPath ?? 'socat';
  }

  get plugged(): boolean {
    return this.proc !== undefined;
  }

  async replug(): Promise<void> {
    if (this.proc) return;
    let stderr = '';
    const proc = spawn(
      this.socat,
      ['-d', '-d', `pty,raw,echo=0,link=${this.devicePath}`, `pty,raw,echo=0,link=${this.boxPath}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    live.add(proc);
    this.proc = proc;
    proc.stderr?.on('data', (b: Buffer) => {
      stderr = (stderr + b.toString()).slice(-2000);
    });
    proc.once('exit', () => live.delete(proc));
    proc.once('error', (err) => {
      stderr += String(err);
    });
    const deadline = Date.now() + this.timeoutMs;
    while (!(existsSync(this.devicePath) && existsSync(this.boxPath))) {
      if (proc.exitCode !== null || proc.signalCode !== null || Date.now() > deadline) {
        await this.unplug();
        throw new Error(`socat did not create the pty pair: ${stderr.trim()}`);
      }
      await sleep(10);
    }
    this.boxFd = openSync(this.boxPath, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
  }

  async write(data: Buffer | string): Promise<void> {
    const buf = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    const deadline = Date.now() + this.timeoutMs;
    let off = 0;
    while (off < buf.length) {
      if (this.boxFd === undefined) throw new Error('pty is unplugged');
      try {
        off += writeSync(this.boxFd, buf, off, buf.length - off);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        if (Date.now() > deadline) throw new Error(`pty write timed out after ${off}/${buf.length} bytes`);
        await sleep(2);
      }
    }
  }

  readAvailable(): Buffer {
    const parts: Buffer[] = [];
    const chunk = Buffer.alloc(4096);
    while (this.boxFd !== undefined) {
      let n = 0;
      try {
        n = readSync(this.boxFd, chunk, 0, chunk.length, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') break;
        throw err;
      }
      if (n <= 0) break;
      parts.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(parts);
  }

  async unplug(): Promise<void> {
    if (this.boxFd !== undefined) closeSync(this.boxFd);
    this.boxFd = undefined;
    const proc = this.proc;
    this.proc = undefined;
    if (proc?.pid !== undefined && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), this.timeoutMs);
      await exited;
      clearTimeout(t);
    }
    if (proc) live.delete(proc);
    // socat removes its links on SIGTERM; make sure after a SIGKILL too.
    rmSync(this.devicePath, { force: true });
    rmSync(this.boxPath, { force: true });
  }

  async close(): Promise<void> {
    await this.unplug();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
