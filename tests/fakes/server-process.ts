import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/runtime-flags.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The real server as a separate process (TypeScript via tsx), for crash and restart tests. */
export class ServerProcess {
  child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly port: number,
    readonly dataDir: string,
    readonly env: Record<string, string> = {},
    /** `dist` runs the built server (node dist/server/main.js) as in production: `npm test` builds it first */
    readonly entry: 'ts' | 'dist' = 'ts',
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 15_000): Promise<void> {
    // e.g. XEPHANG_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile a benchmark's server
    const nodeArgs = (process.env.XEPHANG_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    // (after the production flags, so a benchmark can override one of them)
    const args =
      this.entry === 'dist'
        ? [...SERVER_NODE_FLAGS, ...nodeArgs, join(ROOT, 'dist', 'server', 'main.js')]
        : [...nodeArgs, '--import', 'tsx', join(ROOT, 'server', 'main.ts')];
    this.child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        ...SERVER_ENV,
        XEPHANG_PORT: String(this.port),
        XEPHANG_HOST: '127.0.0.1',
        XEPHANG_DATA_DIR: this.dataDir,
        XEPHANG_PUBLIC_URL: this.url,
        XEPHANG_ISSUE_RATE_LIMIT: '0',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d) => (this.output += String(d)));
    this.child.stderr?.on('data', (d) => (this.output += String(d)));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        /* not up yet */
      }
      if (this.child.exitCode !== null) throw new Error(`server exited: ${this.output}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`server not healthy within ${timeoutMs} ms: ${this.output}`);
  }

  /** SIGKILL: no cleanup at all, like a power cut for the process. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private signal(sig: NodeJS.Signals): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      c.once('exit', () => resolve());
      c.kill(sig);
    });
  }
}
