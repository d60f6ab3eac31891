import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { diskLevel, diskSpace } from '../../server/platform/disk.js';

describe('diskSpace', () => {
  it('agrees with df on a real filesystem', async () => {
    const space = await diskSpace(tmpdir());
    expect(space.totalBytes).toBeGreaterThan(0);
    expect(space.freeBytes).toBeGreaterThanOrEqual(0);
    expect(space.freeBytes).toBeLessThanOrEqual(space.totalBytes);
    // df --output=size,avail in 1K blocks; free space moves while tests run, so compare loosely
    const [, line] = execFileSync('df', ['-k', '--output=size,avail', tmpdir()], { encoding: 'utf8' }).split(
      '\n',
    );
    const [sizeK, availK] = line!.trim().split(/\s+/).map(Number);
    expect(Math.abs(space.totalBytes - sizeK! * 1024)).toBeLessThan(1024 * 1024);
    expect(Math.abs(space.freeBytes - availK! * 1024)).toBeLessThan(512 * 1024 * 1024);
  });

  it('rejects for a missing path', async () => {
    await expect(diskSpace('/nonexistent/xephang')).rejects.toThrow(/ENOENT/);
  });
});

describe('diskLevel', () => {
  const GB = 1_000_000_000;
  it.each([
    [{ freeBytes: 50 * GB, totalBytes: 100 * GB }, 'ok'],
    [{ freeBytes: 0.5 * GB, totalBytes: 100 * GB }, 'low'],
    [{ freeBytes: 3 * GB, totalBytes: 100 * GB }, 'low'],
    [{ freeBytes: 0.1 * GB, totalBytes: 100 * GB }, 'critical'],
  ] as const)('%j → %s', (space, level) => {
    expect(diskLevel(space)).toBe(level);
  });
});
