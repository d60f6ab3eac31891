import type { FastifyBaseLogger } from 'fastify';
import { isImplausibleNow, ntpSynchronized, watchClockJumps, type NtpState } from './platform/clock-check.js';
import { diskLevel, diskSpace, type DiskSpace } from './platform/disk.js';
import { createNotifier } from './platform/sd-notify.js';
import type { HealthService } from './services/health-service.js';

const TEN_MINUTES = 10 * 60_000;

/**
 * The mini-PC around the server: systemd readiness and watchdog, disk space and clock sanity in
 * /api/health (a wrong clock corrupts day boundaries and reports). Returns a stop function.
 */
export function startPlatformChecks(d: {
  health: HealthService;
  log: FastifyBaseLogger;
  dataDir: string;
  dbAnswers: () => boolean;
}): () => void {
  const notifier = createNotifier(process.env, d.log);
  const clock: { ntp: NtpState; lastJump: { at: string; deltaMs: number } | null } = {
    ntp: 'unknown',
    lastJump: null,
  };
  let disk: (DiskSpace & { level: string }) | null = null;

  const refreshDisk = () =>
    diskSpace(d.dataDir).then(
      (s) => {
        disk = { ...s, level: diskLevel(s) };
        if (disk.level !== 'ok') d.log.warn({ disk }, 'disk space is low');
      },
      (err) => d.log.warn({ err }, 'disk space unknown'),
    );
  const refreshNtp = () =>
    ntpSynchronized().then((s) => {
      if (s === 'unsynchronized' && clock.ntp !== 'unsynchronized')
        d.log.warn('the clock is not NTP-synchronised');
      clock.ntp = s;
    });
  void refreshDisk();
  void refreshNtp();
  const timers = [setInterval(refreshDisk, 60_000), setInterval(refreshNtp, TEN_MINUTES)];
  for (const t of timers) t.unref();
  const stopClock = watchClockJumps((j) => {
    clock.lastJump = { at: new Date(j.toWallMs).toISOString(), deltaMs: j.deltaMs };
    d.log.warn({ deltaMs: j.deltaMs }, 'the system clock jumped');
  });

  d.health.addCheck('disk', () => disk);
  d.health.addCheck('clock', () => ({
    ntp: clock.ntp,
    plausible: !isImplausibleNow(Date.now()),
    lastJump: clock.lastJump,
    ok: clock.ntp !== 'unsynchronized' && !isImplausibleNow(Date.now()),
  }));

  notifier.ready();
  const stopWatchdog = notifier.startWatchdog(d.dbAnswers);
  return () => {
    notifier.stopping();
    stopWatchdog();
    stopClock();
    for (const t of timers) clearInterval(t);
  };
}
