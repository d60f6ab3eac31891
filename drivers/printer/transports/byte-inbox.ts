/** Bytes received on a stream, read one at a time with a timeout (for DLE EOT replies). */
export class ByteInbox {
  private bytes: number[] = [];
  private waiter: ((b: number | null) => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  ended = false;
  received = 0;

  push(chunk: Buffer): void {
    this.received += chunk.length;
    for (const b of chunk) this.bytes.push(b);
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  discard(): void {
    this.bytes = [];
  }

  read(timeoutMs: number): Promise<number | null> {
    if (this.bytes.length > 0) return Promise.resolve(this.bytes.shift()!);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.timer = setTimeout(() => this.settle(null), timeoutMs);
    });
  }

  private wake(): void {
    if (!this.waiter) return;
    if (this.bytes.length > 0) this.settle(this.bytes.shift()!);
    else if (this.ended) this.settle(null);
  }

  private settle(value: number | null): void {
    clearTimeout(this.timer);
    const w = this.waiter;
    this.waiter = undefined;
    w?.(value);
  }
}
