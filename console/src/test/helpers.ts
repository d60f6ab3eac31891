import type { KeyValueStore } from '../lib/rules/counter-memory.js';
import { ConsoleApp } from '../lib/state/console-app.svelte.js';
import { FakeConsoleApi, FakeSocket } from './fake-console-api.js';

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, v);
  }
  removeItem(k: string): void {
    this.data.delete(k);
  }
}

/** A console wired to the in-memory server and a hand-driven socket. */
export function fakeConsole(opts: { store?: MemoryStore; api?: FakeConsoleApi } = {}) {
  const api = opts.api ?? new FakeConsoleApi();
  const store = opts.store ?? new MemoryStore();
  const sockets: FakeSocket[] = [];
  const app = new ConsoleApp({
    api,
    store,
    retryMs: 5,
    refreshDelayMs: 0,
    openSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
  });
  return { app, api, store, sockets, socket: () => sockets[sockets.length - 1]! };
}
