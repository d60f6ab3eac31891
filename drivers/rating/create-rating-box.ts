import type { RatingBoxConfig, RatingScale } from '../../core/contracts/rating.js';
import type { Clock } from '../../core/domain/clock.js';
import { DEFAULT_RATING_SCALE, findLevel } from '../../core/domain/rating.js';
import type { Logger } from '../logger.js';
import { createFraming } from '../serial/framing/index.js';
import type { BackoffPolicy } from '../serial/reconnect.js';
import { type SerialBinding, SerialDevice } from '../serial/port-manager.js';
import type { Timers } from '../serial/timers.js';
import { RatingBox } from './rating-box.js';

export interface RatingBoxDeps {
  scale?: RatingScale;
  clock?: Clock;
  logger?: Logger;
  /** tests: `SerialPortMock.binding` */
  binding?: SerialBinding;
  timers?: Timers;
  backoff?: Partial<BackoffPolicy>;
}

/** Problems a config has beyond its schema, as `path: message` lines (empty = fine). */
export function checkRatingBoxConfig(
  config: RatingBoxConfig,
  scale: RatingScale = DEFAULT_RATING_SCALE,
): string[] {
  const errors: string[] = [];
  const framing = config.framing ?? 'line';
  if (framing !== 'stx-etx' && config.counter === undefined) {
    errors.push(`${config.id}/counter: required for '${framing}' framing (one box per counter)`);
  }
  if (framing !== 'stx-etx' && config.addressMap) {
    errors.push(`${config.id}/addressMap: only used by 'stx-etx' framing`);
  }
  for (const [key, level] of Object.entries(config.keyMap ?? {})) {
    if (!findLevel(scale, level))
      errors.push(`${config.id}/keyMap/${key}: level ${level} is not on the scale`);
  }
  try {
    createFraming(config);
  } catch (err) {
    errors.push(`${config.id}/${err instanceof Error ? err.message : String(err)}`);
  }
  return errors;
}

/**
 * Builds a rating box on a real serial path (not started). Throws an Error listing every config
 * problem; call it once at startup, after schema validation.
 */
export function createRatingBox(config: RatingBoxConfig, deps: RatingBoxDeps = {}): RatingBox {
  const errors = checkRatingBoxConfig(config, deps.scale);
  if (errors.length > 0) throw new Error(`invalid rating box config:\n${errors.join('\n')}`);
  const source = new SerialDevice({
    path: config.path,
    baudRate: config.baudRate,
    binding: deps.binding,
    timers: deps.timers,
    clock: deps.clock,
    logger: deps.logger,
    backoff: deps.backoff,
  });
  return new RatingBox({
    config,
    source,
    framing: createFraming(config),
    scale: deps.scale,
    clock: deps.clock,
    logger: deps.logger,
  });
}
