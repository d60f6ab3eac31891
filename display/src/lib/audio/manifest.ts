/** Fetches a voice manifest and resolves segment URLs against a configurable base (`/voice/vi/`). */
import type { VoiceManifest, VoiceSegment } from '../../../../core/contracts/voice.js';

export const DEFAULT_VOICE_BASE = '/voice/vi/';

export interface LoadedManifest {
  segments: Readonly<Record<string, VoiceSegment>>;
  /** Phrase segments, id → text. */
  phrases: Readonly<Record<string, string>>;
  urlOf(id: string): string | undefined;
}

/** `base` ends with "/"; relative bases resolve against the page. */
export function normalizeBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

export async function loadManifest(base: string, fetchFn: typeof fetch): Promise<LoadedManifest> {
  const root = normalizeBase(base);
  const res = await fetchFn(`${root}manifest.json`);
  if (!res.ok) throw new Error(`voice manifest: HTTP ${res.status}`);
  const manifest = (await res.json()) as Partial<VoiceManifest>;
  const segments = manifest.segments;
  if (!segments || typeof segments !== 'object') throw new Error('voice manifest: no segments');
  const phrases = Object.fromEntries(
    Object.entries(segments)
      .filter(([, s]) => s.kind === 'phrase' && s.text)
      .map(([id, s]) => [id, s.text]),
  );
  return {
    segments,
    phrases,
    urlOf: (id) => {
      const file = segments[id]?.file;
      return file ? root + encodeURIComponent(file) : undefined;
    },
  };
}

/** Runs `task` over `items` with at most `limit` at once (a TV box should not open 74 requests at a time). */
export async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
