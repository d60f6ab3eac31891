/** Contracts between the announcement queue and what actually makes sound. */

/** The browser refused to start audio without a user gesture (autoplay policy). */
export class AutoplayBlockedError extends Error {
  constructor(message = 'autoplay blocked: a user gesture is needed') {
    super(message);
    this.name = 'AutoplayBlockedError';
  }
}

/** Plays pre-recorded segments back to back. */
export interface SegmentPlayer {
  /** Fetches the manifest and prepares every segment once (later calls return the same promise). */
  load(): Promise<void>;
  /** Segment ids that can play (empty until `load` resolves). */
  readonly available: ReadonlySet<string>;
  /** Phrase segments of the manifest, id → text, so edited templates can use new recordings. */
  readonly phrases: Readonly<Record<string, string>>;
  /** Resolves when the last segment has finished; rejects with AutoplayBlockedError when audio may not start. */
  play(ids: readonly string[]): Promise<void>;
  /** Call from a click or key handler: resumes audio. Resolves true when audio may now play. */
  unlock(): Promise<boolean>;
  /** Whether audio can start right now without a gesture (kiosk flag set, or already unlocked). */
  canAutoplay(): Promise<boolean>;
  /** Silences whatever is playing (shutdown). */
  stop(): void;
}

/** Speaks plain text (the browser's speech synthesis), used only when segments are missing. */
export interface Speaker {
  readonly supported: boolean;
  /** Speaks each utterance in turn; rejects with AutoplayBlockedError when not allowed. */
  speak(utterances: readonly string[]): Promise<void>;
  stop(): void;
}
