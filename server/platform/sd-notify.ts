import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Logger } from '../../drivers/logger.js';

/**
 * systemd readiness and watchdog notifications (sd_notify protocol) for `Type=notify` units.
 *
 * Node has no unix datagram sockets, so each message is sent by a short-lived child process:
 * `systemd-notify` when installed (it waits for PID 1 to process the message with a barrier, so the
 * usual "sender exited before systemd read its cgroup" race does not drop it), otherwise a python3
 * one-liner. The unit therefore needs `NotifyAccess=all`. Every call is fire-and-forget: it never
 * throws and never blocks the event loop; failures are logged at most once per kind.
 * Without NOTIFY_SOCKET (development, tests, other supervisors) every method does nothing.
 */
export interface Notifier {
  /** Tell systemd the service is ready (after the server listens and tickets can be issued). */
  ready(): void;
  /** One watchdog keep-alive ping. */
  watchdog(): void;
  /** Tell systemd the service is shutting down. */
  stopping(): void;
  /**
   * Ping every WATCHDOG_USEC/2 while the event loop is alive (and, if given, while `isHealthy()` is true:
   * e.g. the database answers), so systemd restarts a hung or broken server; returns a function that stops it.
   */
  startWatchdog(isHealthy?: () => boolean): () => void;
  /** True when NOTIFY_SOCKET is set. */
  readonly enabled: boolean;
  /** Watchdog interval in ms (WATCHDOG_USEC / 2), or null when no watchdog is requested for this process. */
  readonly watchdogIntervalMs: number | null;
}

type Env = Readonly<Record<string, string | undefined>>;

const SEND_TIMEOUT_MS = 10_000;
const SYSTEMD_NOTIFY_PATHS = ['/usr/bin/systemd-notify', '/bin/systemd-notify'];
const PYTHON_SENDER = [
  'import os,socket,sys',
  "a=os.environ['NOTIFY_SOCKET']",
  "a='\\0'+a[1:] if a.startswith('@') else a",
  's=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM)',
  's.sendto(sys.argv[1].encode(),a)',
].join('\n');

/** WATCHDOG_USEC/2 in ms when the watchdog is meant for this process (WATCHDOG_PID unset or ours). */
export function watchdogIntervalMs(env: Env, pid: number = process.pid): number | null {
  const usec = Number(env.WATCHDOG_USEC);
  if (!env.WATCHDOG_USEC || !Number.isFinite(usec) || usec <= 0) return null;
  if (env.WATCHDOG_PID && Number(env.WATCHDOG_PID) !== pid) return null;
  return Math.max(1, Math.floor(usec / 2000));
}

/** The command line that delivers `message` (newline-separated KEY=VALUE pairs). Exported for tests. */
export function senderCommand(message: string, systemdNotify: string | null): [string, string[]] {
  if (systemdNotify) return [systemdNotify, message.split('\n')];
  return ['python3', ['-c', PYTHON_SENDER, message]];
}

function findSystemdNotify(): string | null {
  return SYSTEMD_NOTIFY_PATHS.find((p) => existsSync(p)) ?? null;
}

export function createNotifier(env: Env = process.env, logger?: Logger): Notifier {
  const socket = env.NOTIFY_SOCKET;
  const intervalMs = watchdogIntervalMs(env);
  const tool = socket ? findSystemdNotify() : null;
  const reported = new Set<string>();
  const childEnv = { ...process.env, ...env } as NodeJS.ProcessEnv;

  const send = (message: string): void => {
    if (!socket) return;
    const kind = message.split('=')[0] ?? message;
    try {
      const [cmd, args] = senderCommand(message, tool);
      const child = execFile(cmd, args, { env: childEnv, timeout: SEND_TIMEOUT_MS }, (err) => {
        if (!err || reported.has(kind)) return;
        reported.add(kind);
        logger?.warn({ err: String(err), message: kind }, 'sd_notify failed');
      });
      child.on('error', () => {}); // reported through the callback
      child.unref();
    } catch (err) {
      if (!reported.has(kind)) logger?.warn({ err: String(err), message: kind }, 'sd_notify failed');
      reported.add(kind);
    }
  };

  return {
    enabled: Boolean(socket),
    watchdogIntervalMs: intervalMs,
    ready: () => send('READY=1\nSTATUS=Xếp Hàng is serving'),
    watchdog: () => send('WATCHDOG=1'),
    stopping: () => send('STOPPING=1'),
    startWatchdog(isHealthy) {
      if (!socket || intervalMs === null) return () => {};
      const timer = setInterval(() => {
        let healthy = true;
        try {
          healthy = isHealthy ? isHealthy() : true;
        } catch {
          healthy = false;
        }
        if (healthy) send('WATCHDOG=1');
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
