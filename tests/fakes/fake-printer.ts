import { createServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { type DecodedJob, JobAssembler } from '../../drivers/printer/escpos-jobs.js';
import { EscPosParser } from '../../drivers/printer/escpos-parse.js';
import { bitmapToPng } from '../../drivers/printer/mono-bitmap.js';

/**
 * A thermal printer on 127.0.0.1:0 (or any byte stream, e.g. a pty): parses the ESC/POS stream,
 * rebuilds each job's image (GS v 0 bands, ESC * strips), keeps the stored GS ( k QR, answers
 * DLE EOT from a scripted state.
 *
 * States: ok · paperNearEnd · paperOut · coverOpen · error (offline with error bit) ·
 * silence (never answers status) · disconnect (hangs up on connect) · stall (accepts, never reads).
 */
export type FakePrinterState =
  | 'ok'
  | 'paperNearEnd'
  | 'paperOut'
  | 'coverOpen'
  | 'error'
  | 'silence'
  | 'disconnect'
  | 'stall';

/** DLE EOT n=1,2,3,4 replies per state (fixed bits 0x12 always set). */
const REPLIES: Partial<Record<FakePrinterState, readonly [number, number, number, number]>> = {
  ok: [0x12, 0x12, 0x12, 0x12],
  paperNearEnd: [0x12, 0x12, 0x12, 0x1e],
  paperOut: [0x1a, 0x32, 0x12, 0x72],
  coverOpen: [0x1a, 0x16, 0x12, 0x12],
  error: [0x1a, 0x52, 0x32, 0x12],
};

export interface ReceivedJob extends DecodedJob {
  /** The job's own bytes, from ESC @ through the cut (real-time status requests excluded). */
  bytes: Buffer;
  png: Buffer;
  connection: number;
  stateWhenReceived: FakePrinterState;
}

interface Session {
  parser: EscPosParser;
  assembler: JobAssembler;
  jobBytes: Buffer[];
  /** Bytes the parser has not consumed yet (an incomplete command). */
  tail: Buffer;
  id: number;
}

export class FakePrinter {
  state: FakePrinterState;
  readonly jobs: ReceivedJob[] = [];
  /** n of every DLE EOT request received, in order. */
  readonly statusQueries: number[] = [];
  connections = 0;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly jobWaiters: Array<() => void> = [];
  private readonly jobListeners = new Set<(job: ReceivedJob) => void>();

  private constructor(state: FakePrinterState) {
    this.state = state;
    this.server = createServer((socket) => this.accept(socket));
  }

  static async start(state: FakePrinterState = 'ok', port = 0, host = '127.0.0.1'): Promise<FakePrinter> {
    const printer = new FakePrinter(state);
    await new Promise<void>((resolve, reject) => {
      printer.server.once('error', reject);
      printer.server.listen(port, host, () => resolve());
    });
    return printer;
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  get uri(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  private accept(socket: Socket): void {
    this.connections += 1;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    if (this.state === 'disconnect') {
      socket.destroy();
      return;
    }
    if (this.state === 'stall') {
      socket.pause();
      return;
    }
    this.attach(socket);
  }

  /** Serves one byte stream (a TCP socket, or the device end of a pty pair). */
  attach(stream: Duplex): void {
    const session: Session = {
      parser: new EscPosParser(),
      assembler: new JobAssembler(),
      jobBytes: [],
      tail: Buffer.alloc(0),
      id: this.connections,
    };
    stream.on('data', (chunk: Buffer) => this.receive(session, stream, chunk));
    stream.on('end', () => this.finishJob(session, session.assembler.flush()));
    stream.on('close', () => this.finishJob(session, session.assembler.flush()));
    stream.on('error', () => {});
  }

  private receive(session: Session, stream: Duplex, chunk: Buffer): void {
    const raw = session.tail.length > 0 ? Buffer.concat([session.tail, chunk]) : chunk;
    let offset = 0;
    for (const { cmd, length } of session.parser.pushDetailed(chunk)) {
      const bytes = Buffer.from(raw.subarray(offset, offset + length));
      offset += length;
      if (cmd.type === 'status') {
        this.statusQueries.push(cmd.n);
        const reply = REPLIES[this.state]?.[cmd.n - 1];
        if (reply !== undefined && !stream.destroyed) stream.write(Buffer.from([reply]));
        continue;
      }
      const done = session.assembler.add(cmd);
      if (cmd.type === 'init' && done) this.finishJob(session, done);
      session.jobBytes.push(bytes);
      if (cmd.type !== 'init') this.finishJob(session, done);
    }
    session.tail = Buffer.from(raw.subarray(offset));
  }

  private finishJob(session: Session, job: DecodedJob | null): void {
    if (!job) return;
    const bytes = Buffer.concat(session.jobBytes);
    session.jobBytes = [];
    const received: ReceivedJob = {
      ...job,
      bytes,
      png: bitmapToPng(job.image),
      connection: session.id,
      stateWhenReceived: this.state,
    };
    this.jobs.push(received);
    for (const cb of this.jobListeners) cb(received);
    for (const wake of this.jobWaiters.splice(0)) wake();
  }

  /** Calls `cb` for every job received; returns the unsubscribe function. */
  onJob(cb: (job: ReceivedJob) => void): () => void {
    this.jobListeners.add(cb);
    return () => this.jobListeners.delete(cb);
  }

  /** Resolves once `count` jobs arrived; rejects after `timeoutMs` (tests never hang). */
  async waitForJobs(count: number, timeoutMs = 5000): Promise<ReceivedJob[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.jobs.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake printer: ${this.jobs.length}/${count} jobs after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.jobWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.jobs.slice(0, count);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
