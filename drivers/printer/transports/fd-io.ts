import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { errnoCode, PrinterIoError, sleep, toIoError } from '../transport.js';

/**
 * Non-blocking file-descriptor I/O for device files. Every open uses O_NONBLOCK, so no call can
 * park a libuv thread on a printer that stopped reading (such a thread keeps the process alive
 * even through process.exit). EAGAIN is retried until the deadline.
 */

/** usblp submits at most this much per write (USBLP_BUF_SIZE). */
const CHUNK = 8192;
const RETRY_MS = 10;

export async function openNonBlocking(path: string, flags: number): Promise<FileHandle> {
  try {
    return await open(path, flags | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    throw toIoError(err, `open ${path}`);
  }
}

/**
 * Writes all of `bytes`, retrying EAGAIN until `deadline` (epoch ms), then waits for the device
 * to finish the last transfer (a zero-length write returns EAGAIN while usblp still has a write in
 * flight; closing earlier would cancel it).
 */
export async function writeAll(fh: FileHandle, bytes: Buffer, deadline: number, what: string): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const n = await writeSome(fh, bytes, offset, Math.min(CHUNK, bytes.length - offset), deadline, what);
    offset += n;
  }
  await writeSome(fh, bytes, 0, 0, deadline, what);
}

async function writeSome(
  fh: FileHandle,
  bytes: Buffer,
  offset: number,
  length: number,
  deadline: number,
  what: string,
): Promise<number> {
  for (;;) {
    try {
      const { bytesWritten } = await fh.write(bytes, offset, length);
      if (bytesWritten > 0 || length === 0) return bytesWritten;
    } catch (err) {
      if (errnoCode(err) !== 'EAGAIN') throw toIoError(err, what);
    }
    if (Date.now() >= deadline) {
      throw new PrinterIoError('timeout', `${what}: the printer stopped accepting data`);
    }
    await sleep(RETRY_MS);
  }
}

/**
 * Reads one byte, polling EAGAIN until `timeoutMs`. null on timeout, end of file, or a device
 * that cannot be read (usblp answers EINVAL when the printer is not bidirectional).
 */
export async function readByte(fh: FileHandle, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  const buf = Buffer.alloc(1);
  for (;;) {
    try {
      const { bytesRead } = await fh.read(buf, 0, 1, null);
      if (bytesRead === 1) return buf[0]!;
      if (bytesRead === 0) return null;
    } catch (err) {
      if (errnoCode(err) !== 'EAGAIN') return null;
    }
    if (Date.now() >= deadline) return null;
    await sleep(RETRY_MS);
  }
}

/** Reads and drops whatever is waiting (stale replies). Bounded: at most 64 reads. */
export async function discardPending(fh: FileHandle): Promise<void> {
  const buf = Buffer.alloc(256);
  for (let i = 0; i < 64; i++) {
    try {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return;
    } catch {
      return;
    }
  }
}

export async function closeQuietly(fh: FileHandle | undefined): Promise<void> {
  try {
    await fh?.close();
  } catch {
    // already closed or device gone: nothing left to release
  }
}
