import { Value } from 'typebox/value';
import type { DeviceKind } from '../../core/contracts/devices.js';
import {
  PrinterSettingsSchema,
  RatingBoxSettingsSchema,
  type TicketButtonsSettings,
  TicketButtonsSettingsSchema,
} from '../../core/contracts/devices-config.js';
import type { RatingBoxConfig, RatingScale } from '../../core/contracts/rating.js';
import { checkRatingBoxConfig } from '../../drivers/rating/create-rating-box.js';
import { validatePrinterSettings } from '../../drivers/printer/printer-uri.js';
import {
  defaultPrinterSettings,
  type PrinterSettings as PrintingSettings,
} from '../../core/contracts/printing.js';
import { createFraming } from '../../drivers/serial/framing/index.js';

/** The site facts a device config is checked against (absent = not checked, e.g. at config load). */
export interface DeviceCheckContext {
  services?: ReadonlySet<string>;
  priorities?: ReadonlySet<string>;
  counters?: ReadonlySet<number>;
  scale?: RatingScale;
}

export interface DeviceSpec {
  id: string;
  kind: DeviceKind;
  counter: number | null;
  config: Record<string, unknown>;
}

const SCHEMAS = {
  printer: PrinterSettingsSchema,
  ratingBox: RatingBoxSettingsSchema,
  ticketButtons: TicketButtonsSettingsSchema,
} as const;

/** The driver config of a `ratingBox` row: its settings plus the row's id, name and counter. */
export function ratingBoxConfigOf(spec: DeviceSpec & { name?: string }): RatingBoxConfig {
  const config = { ...spec.config, id: spec.id } as RatingBoxConfig;
  if (spec.name !== undefined) config.name = spec.name;
  if (spec.counter !== null) config.counter = spec.counter;
  return config;
}

/** Every problem with a device's config, as `id/path: message` lines (empty = fine). */
export function checkDevice(spec: DeviceSpec, ctx: DeviceCheckContext = {}): string[] {
  const schema = SCHEMAS[spec.kind];
  const errors = [...Value.Errors(schema, spec.config)].map(
    (e) => `${spec.id}${e.instancePath || '/'}: ${e.message}`,
  );
  if (errors.length) return errors;
  if (spec.counter !== null && ctx.counters && !ctx.counters.has(spec.counter)) {
    errors.push(`${spec.id}/counter: there is no counter ${spec.counter}`);
  }
  if (spec.kind === 'ratingBox') errors.push(...checkRatingBox(spec, ctx));
  if (spec.kind === 'ticketButtons') errors.push(...checkButtons(spec, ctx));
  if (spec.kind === 'printer') errors.push(...checkPrinter(spec));
  return errors;
}

/** The full printing settings of a printer row (missing fields take the defaults). */
export function printerSettingsOf(config: Record<string, unknown>): PrintingSettings {
  return { ...defaultPrinterSettings, ...(config as Partial<PrintingSettings>) };
}

function checkPrinter(spec: DeviceSpec): string[] {
  try {
    validatePrinterSettings(printerSettingsOf(spec.config), spec.id);
    return [];
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
}

function checkRatingBox(spec: DeviceSpec, ctx: DeviceCheckContext): string[] {
  const config = ratingBoxConfigOf(spec);
  const errors = checkRatingBoxConfig(config, ctx.scale);
  for (const [address, counter] of Object.entries(config.addressMap ?? {})) {
    if (ctx.counters && !ctx.counters.has(counter)) {
      errors.push(`${spec.id}/addressMap/${address}: there is no counter ${counter}`);
    }
  }
  return errors;
}

function checkButtons(spec: DeviceSpec, ctx: DeviceCheckContext): string[] {
  const config = spec.config as TicketButtonsSettings;
  const errors: string[] = [];
  if (Object.keys(config.keys).length === 0)
    errors.push(`${spec.id}/keys: map at least one key to a service`);
  for (const [key, k] of Object.entries(config.keys)) {
    if (Number(key) < 1 || Number(key) > 16) errors.push(`${spec.id}/keys/${key}: key numbers run 1..16`);
    if (ctx.services && !ctx.services.has(k.service))
      errors.push(`${spec.id}/keys/${key}: unknown service ${k.service}`);
    if (k.priority && ctx.priorities && !ctx.priorities.has(k.priority)) {
      errors.push(`${spec.id}/keys/${key}: unknown priority category ${k.priority}`);
    }
  }
  try {
    createFraming(config);
  } catch (err) {
    errors.push(`${spec.id}/${err instanceof Error ? err.message : String(err)}`);
  }
  return errors;
}
