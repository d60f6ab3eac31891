import type { PrinterState } from '../../../core/contracts/devices.js';
import type { PrinterTransport } from '../transport.js';

/** Printing disabled (URI `none`): jobs are dropped; the kiosk shows the number on screen. */
export class NoneTransport implements PrinterTransport {
  readonly kind = 'none' as const;
  readonly description = 'none';
  async send(): Promise<void> {}
  async status(): Promise<PrinterState> {
    return 'unknown';
  }
  async close(): Promise<void> {}
}
