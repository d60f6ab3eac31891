import { checkDevice } from './device-config.js';
import { type DeviceSeed, parseRatingBoxes, parseTicketButtons } from './env-format.js';

export interface DeviceEnv {
  ratingBoxes: DeviceSeed[];
  ticketButtons: DeviceSeed[];
}

/**
 * XEPHANG_RATING_BOXES and XEPHANG_TICKET_BUTTONS, parsed and checked against the device schemas
 * (services and counters are checked later, against the site). Problems are pushed to `errs`.
 */
export function deviceSeedsFromEnv(env: NodeJS.ProcessEnv, errs: string[]): DeviceEnv {
  const boxes = parseRatingBoxes(env.XEPHANG_RATING_BOXES);
  const buttons = parseTicketButtons(env.XEPHANG_TICKET_BUTTONS);
  errs.push(...boxes.errors, ...buttons.errors);
  for (const [key, seeds] of [
    ['XEPHANG_RATING_BOXES', boxes.seeds],
    ['XEPHANG_TICKET_BUTTONS', buttons.seeds],
  ] as const) {
    for (const s of seeds) errs.push(...checkDevice(s).map((p) => `${key}: ${p}`));
  }
  return { ratingBoxes: boxes.seeds, ticketButtons: buttons.seeds };
}
