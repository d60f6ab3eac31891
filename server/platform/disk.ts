import { statfs } from 'node:fs/promises';

/** Space on the filesystem holding `path`, as an unprivileged process may use it. */
export interface DiskSpace {
  /** Bytes available to unprivileged users (f_bavail × f_bsize): what the server can still write. */
  freeBytes: number;
  /** Size of the filesystem (f_blocks × f_bsize). */
  totalBytes: number;
}

export async function diskSpace(path: string): Promise<DiskSpace> {
  const s = await statfs(path);
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
}

export type DiskLevel = 'ok' | 'low' | 'critical';

/**
 * Classifies free space: `critical` below `criticalBytes` (default 200 MB: SQLite, logs and backups
 * start failing soon), `low` below `lowBytes` (default 1 GB) or below 5 % of the disk.
 */
export function diskLevel(
  space: DiskSpace,
  lowBytes = 1_000_000_000,
  criticalBytes = 200_000_000,
): DiskLevel {
  if (space.freeBytes < criticalBytes) return 'critical';
  if (space.freeBytes < lowBytes || space.freeBytes < space.totalBytes * 0.05) return 'low';
  return 'ok';
}
