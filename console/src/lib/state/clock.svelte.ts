/**
 * "Now" on the server's clock, ticking once a second for the service timer. The offset is learned
 * from the `now` field of server answers, so a counter PC with a wrong clock still shows right times.
 */
export class ServerClock {
  now = $state(Date.now());
  private offsetMs = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** Records the server time of an answer just received. */
  sync(serverIso: string): void {
    const server = Date.parse(serverIso);
    if (Number.isFinite(server)) {
      this.offsetMs = server - Date.now();
      this.tick();
    }
  }

  tick(): void {
    this.now = Date.now() + this.offsetMs;
  }

  start(): void {
    if (this.timer === null) this.timer = setInterval(() => this.tick(), 1000);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Seconds from an ISO instant to now (0 when the instant is missing). */
  secondsSince(iso: string | null): number {
    return iso ? Math.max(0, Math.floor((this.now - Date.parse(iso)) / 1000)) : 0;
  }
}
