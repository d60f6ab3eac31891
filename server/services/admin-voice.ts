import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  VOICE_MEDIA_TYPES,
  VOICE_UPLOAD_MAX_BYTES,
  type VoiceSegmentInfo,
} from '../../core/contracts/admin-ops.js';
import type { VoiceManifest } from '../../core/contracts/voice.js';
import { DomainError } from '../../core/domain/errors.js';
import type { AdminChanges } from './admin-changes.js';

interface Override {
  file: string;
  durationMs: number;
  uploadedAt: number;
}

export const VOICE_URL_BASE = '/voice/vi/';

/** The file really is audio of its declared kind (first bytes). */
function looksLike(ext: string, b: Buffer): boolean {
  const ascii = (from: number, to: number) => b.subarray(from, to).toString('latin1');
  switch (ext) {
    case 'ogg':
      return ascii(0, 4) === 'OggS';
    case 'wav':
      return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE';
    case 'mp3':
      return ascii(0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0);
    case 'webm':
      return b.readUInt32BE(0) === 0x1a45dfa3;
    default:
      return false;
  }
}

/**
 * Voice segments a centre records or uploads to replace the generated ones. Files are kept under
 * `<dataDir>/voice/vi/` with a content-hashed name (so screens never play a stale cached copy) and
 * served from `/voice/vi/` next to the committed set; `/voice/vi/manifest.json` is the committed
 * manifest with the replacements applied.
 */
export class AdminVoice {
  readonly dir: string;
  /** which segments are replaced (kept outside the served directory) */
  private readonly index: string;
  private committed: VoiceManifest | null = null;

  constructor(
    private readonly c: AdminChanges,
    private readonly committedDir: string,
    dataDir: string,
  ) {
    this.dir = join(dataDir, 'voice', 'vi');
    this.index = join(dataDir, 'voice-overrides.json');
    mkdirSync(this.dir, { recursive: true });
  }

  private base(): VoiceManifest {
    this.committed ??= JSON.parse(
      readFileSync(join(this.committedDir, 'manifest.json'), 'utf8'),
    ) as VoiceManifest;
    return this.committed;
  }

  private overrides(): Record<string, Override> {
    const f = this.index;
    if (!existsSync(f)) return {};
    try {
      return JSON.parse(readFileSync(f, 'utf8')) as Record<string, Override>;
    } catch {
      return {};
    }
  }

  private saveOverrides(o: Record<string, Override>): void {
    const f = this.index;
    writeFileSync(`${f}.tmp`, JSON.stringify(o, null, 1));
    renameSync(`${f}.tmp`, f);
  }

  manifest(): VoiceManifest {
    const base = this.base();
    const segments = { ...base.segments };
    for (const [id, o] of Object.entries(this.overrides())) {
      const s = segments[id];
      if (s) segments[id] = { ...s, file: o.file, durationMs: o.durationMs };
    }
    return { ...base, segments };
  }

  list(): VoiceSegmentInfo[] {
    const o = this.overrides();
    return Object.entries(this.manifest().segments).map(([id, s]) => ({
      id,
      text: s.text,
      kind: s.kind,
      durationMs: s.durationMs,
      url: VOICE_URL_BASE + encodeURIComponent(s.file),
      replaced: id in o,
    }));
  }

  async replace(
    by: number,
    id: string,
    body: unknown,
    contentType: string,
    durationMs: number,
  ): Promise<VoiceSegmentInfo> {
    if (!this.base().segments[id]) throw new DomainError('NOT_FOUND');
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    const ext = VOICE_MEDIA_TYPES[type as keyof typeof VOICE_MEDIA_TYPES];
    const maxKb = Math.round(VOICE_UPLOAD_MAX_BYTES / 1024);
    if (!ext || !Buffer.isBuffer(body) || body.length < 16 || !looksLike(ext, body))
      throw new DomainError('UNSUPPORTED_MEDIA', { maxKb });
    const file = `${id}-${createHash('sha256').update(body).digest('hex').slice(0, 10)}.${ext}`;
    writeFileSync(join(this.dir, file), body);
    const all = this.overrides();
    const before = all[id] ?? null;
    all[id] = { file, durationMs, uploadedAt: this.c.now() };
    this.saveOverrides(all);
    if (before && before.file !== file) rmSync(join(this.dir, before.file), { force: true });
    await this.c.commit(
      by,
      () => ({
        result: undefined,
        audit: { action: 'voice.segment', target: `voice:${id}`, before, after: all[id] },
      }),
      false,
    );
    return this.list().find((s) => s.id === id)!;
  }

  async revert(by: number, id: string): Promise<void> {
    const all = this.overrides();
    const before = all[id];
    if (!before) throw new DomainError('NOT_FOUND');
    delete all[id];
    this.saveOverrides(all);
    rmSync(join(this.dir, before.file), { force: true });
    await this.c.commit(
      by,
      () => ({ result: undefined, audit: { action: 'voice.segmentRevert', target: `voice:${id}`, before } }),
      false,
    );
  }
}
