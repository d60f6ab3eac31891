import type {
  RatingBoxConfig,
  RatingPress,
  RatingScale,
  SerialDeviceConfig,
} from '../../core/contracts/rating.js';
import type { SerialStatus } from '../../drivers/serial/port-manager.js';

/**
 * What the device manager needs from hardware drivers. The default factory opens real serial
 * ports (serial-drivers.ts); tests pass the same factory pointed at real ptys, or fakes.
 */

/** A running rating box: presses already mapped to levels of the scale. */
export interface RatingBoxDriver {
  start(): void;
  close(): Promise<void>;
  onPress(listener: (press: RatingPress) => void): () => void;
  onStatus(listener: (status: SerialStatus) => void): () => void;
  status(): SerialStatus;
  stats(): Record<string, number>;
}

export interface KeyEvent {
  key: number;
  address?: number;
  /** epoch ms */
  at: number;
}

/** A running keypad (ticket buttons): raw key numbers. */
export interface KeypadDriver {
  start(): void;
  close(): Promise<void>;
  onKey(listener: (key: KeyEvent) => void): () => void;
  onStatus(listener: (status: SerialStatus) => void): () => void;
  status(): SerialStatus;
  stats(): Record<string, number>;
}

export interface DeviceDriverFactory {
  /** Throws on a config the driver refuses (reported as the device's `error` state). */
  ratingBox(config: RatingBoxConfig, scale: RatingScale): RatingBoxDriver;
  keypad(id: string, config: SerialDeviceConfig): KeypadDriver;
}
