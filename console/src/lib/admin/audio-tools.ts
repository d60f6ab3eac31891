/** Browser audio helpers for voice segments: duration of a file, and a microphone recorder. */

/** Duration in ms (decoded with Web Audio; falls back to an <audio> element's metadata). */
export async function audioDurationMs(blob: Blob): Promise<number> {
  try {
    const Ctx =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext: typeof AudioContext }).webkitAudioContext;
    const ctx = new Ctx();
    try {
      const buf = await ctx.decodeAudioData(await blob.arrayBuffer());
      return Math.round(buf.duration * 1000);
    } finally {
      void ctx.close();
    }
  } catch {
    return new Promise((resolve, reject) => {
      const el = new Audio(URL.createObjectURL(blob));
      el.onloadedmetadata = () =>
        Number.isFinite(el.duration)
          ? resolve(Math.round(el.duration * 1000))
          : reject(new Error('duration'));
      el.onerror = () => reject(new Error('audio'));
    });
  }
}

/** The best recording format the browser offers (Chromium: WebM/Opus, Firefox: Ogg/Opus). */
function recordingType(): string {
  for (const type of ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus', 'audio/webm']) {
    if (typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(type)) return type;
  }
  return '';
}

/**
 * Records from the microphone until `stop()`. Needs a secure context (localhost or HTTPS) and the
 * user's permission; `start()` rejects otherwise.
 */
export class MicRecorder {
  private rec: MediaRecorder | null = null;
  private chunks: Blob[] = [];
  private startedAt = 0;

  async start(): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined')
      throw new Error('no microphone');
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true },
    });
    const type = recordingType();
    this.rec = new MediaRecorder(stream, type ? { mimeType: type } : {});
    this.chunks = [];
    this.rec.ondataavailable = (e) => {
      if (e.data.size) this.chunks.push(e.data);
    };
    this.startedAt = performance.now();
    this.rec.start();
  }

  /** The recording, its type and the time it took. */
  stop(): Promise<{ blob: Blob; elapsedMs: number }> {
    const rec = this.rec;
    if (!rec) return Promise.reject(new Error('not recording'));
    return new Promise((resolve) => {
      rec.onstop = () => {
        for (const track of rec.stream.getTracks()) track.stop();
        const blob = new Blob(this.chunks, { type: (rec.mimeType || 'audio/webm').split(';')[0] });
        this.rec = null;
        resolve({ blob, elapsedMs: Math.round(performance.now() - this.startedAt) });
      };
      rec.stop();
    });
  }
}
