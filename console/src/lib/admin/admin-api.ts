import { ApiError, api } from '../../../../client/api.js';
import type {
  AdminSite,
  AuditList,
  CategoryPatch,
  CounterPatch,
  OfficialCreate,
  OfficialPatch,
  OfficialView,
  ServicePatch,
} from '../../../../core/contracts/admin.js';
import type {
  AdminSettings,
  DayStatus,
  EndDayResult,
  VoiceSegmentInfo,
} from '../../../../core/contracts/admin-ops.js';
import type { TicketView } from '../../../../core/contracts/api.js';
import type { DeviceUpsertBody, DeviceView } from '../../../../core/contracts/devices-config.js';
import type { PairedDevice, PairingCode, PairingCodeBody } from '../../../../core/contracts/pairing.js';
import type { PrintOutcome, TicketLayout } from '../../../../core/contracts/printing.js';
import type {
  Calendar,
  Centre,
  Counter,
  PriorityCategory,
  PriorityPolicy,
  Service,
} from '../../../../core/contracts/site.js';

export { ApiError };

/** Settings the admin page saves one by one (PUT /api/admin/settings/<name>). */
export type SettingName = 'display' | 'voice' | 'rating' | 'ticket-layout' | 'retention' | 'security';

/** Everything the admin page asks the server. State takes this interface, so tests pass a fake. */
export interface AdminApi {
  site(): Promise<AdminSite>;
  settings(): Promise<AdminSettings>;
  putCentre(c: Centre): Promise<Centre>;
  createService(s: Service): Promise<Service>;
  updateService(code: string, p: ServicePatch): Promise<Service>;
  deleteService(code: string): Promise<void>;
  createCounter(c: Counter): Promise<Counter>;
  updateCounter(n: number, p: CounterPatch): Promise<Counter>;
  deleteCounter(n: number): Promise<void>;
  createCategory(c: PriorityCategory): Promise<PriorityCategory>;
  updateCategory(code: string, p: CategoryPatch): Promise<PriorityCategory>;
  deleteCategory(code: string): Promise<void>;
  putPolicy(p: PriorityPolicy): Promise<PriorityPolicy>;
  putCalendar(c: Calendar): Promise<Calendar>;
  putSetting(name: SettingName, value: unknown): Promise<unknown>;
  officials(): Promise<OfficialView[]>;
  createOfficial(o: OfficialCreate): Promise<OfficialView>;
  updateOfficial(id: number, p: OfficialPatch): Promise<OfficialView>;
  resetPin(id: number, pin: string): Promise<OfficialView>;
  anonymise(id: number): Promise<OfficialView>;
  audit(before?: number): Promise<AuditList>;
  day(): Promise<DayStatus>;
  dayAction(action: 'close-early' | 'reopen'): Promise<DayStatus>;
  endDay(): Promise<EndDayResult>;
  findTickets(label: string): Promise<TicketView[]>;
  cancelTicket(id: number, reason: string): Promise<TicketView>;
  reprint(id: number): Promise<{ label: string; print: { state: string } }>;
  devices(): Promise<DeviceView[]>;
  putDevice(id: string, body: DeviceUpsertBody): Promise<DeviceView>;
  deleteDevice(id: string): Promise<void>;
  printTest(): Promise<PrintOutcome>;
  pairedDevices(): Promise<PairedDevice[]>;
  createPairingCode(body: PairingCodeBody): Promise<PairingCode>;
  revokePaired(id: number): Promise<void>;
  segments(): Promise<VoiceSegmentInfo[]>;
  uploadSegment(id: string, audio: Blob, durationMs: number): Promise<VoiceSegmentInfo>;
  revertSegment(id: string): Promise<void>;
  previewTicket(layout: TicketLayout, width?: number): Promise<Blob>;
  runRetention(): Promise<Record<string, unknown>>;
}

let csrf: () => string = () => '';
let lang: () => 'vi' | 'en' = () => 'vi';

/** The session's CSRF token and language, for the requests `api()` cannot make (binary bodies and answers). */
export function configureRawRequests(token: () => string, language: () => 'vi' | 'en'): void {
  csrf = token;
  lang = language;
}

async function raw(method: string, path: string, body: BodyInit | null, type: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      body,
      credentials: 'same-origin',
      headers: { 'content-type': type, 'x-csrf-token': csrf(), 'accept-language': lang() },
    });
  } catch {
    throw new ApiError(
      0,
      'OFFLINE',
      lang() === 'en' ? 'Cannot reach the server.' : 'Mất kết nối tới máy chủ.',
    );
  }
  if (!res.ok) {
    const e = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, e.code ?? 'INTERNAL', e.message ?? res.statusText);
  }
  return res;
}

const A = '/api/admin';
const enc = encodeURIComponent;

export const httpAdminApi: AdminApi = {
  site: () => api('GET', `${A}/site`),
  settings: () => api('GET', `${A}/settings`),
  putCentre: (c) => api('PUT', `${A}/centre`, c),
  createService: (s) => api('POST', `${A}/services`, s),
  updateService: (code, p) => api('PUT', `${A}/services/${enc(code)}`, p),
  deleteService: (code) => api('DELETE', `${A}/services/${enc(code)}`),
  createCounter: (c) => api('POST', `${A}/counters`, c),
  updateCounter: (n, p) => api('PUT', `${A}/counters/${n}`, p),
  deleteCounter: (n) => api('DELETE', `${A}/counters/${n}`),
  createCategory: (c) => api('POST', `${A}/priority-categories`, c),
  updateCategory: (code, p) => api('PUT', `${A}/priority-categories/${enc(code)}`, p),
  deleteCategory: (code) => api('DELETE', `${A}/priority-categories/${enc(code)}`),
  putPolicy: (p) => api('PUT', `${A}/priority-policy`, p),
  putCalendar: (c) => api('PUT', `${A}/calendar`, c),
  putSetting: (name, value) => api('PUT', `${A}/settings/${name}`, value),
  officials: async () => (await api<{ officials: OfficialView[] }>('GET', `${A}/officials`)).officials,
  createOfficial: (o) => api('POST', `${A}/officials`, o),
  updateOfficial: (id, p) => api('PUT', `${A}/officials/${id}`, p),
  resetPin: (id, pin) => api('POST', `${A}/officials/${id}/pin`, { pin }),
  anonymise: (id) => api('POST', `${A}/officials/${id}/anonymise`, {}),
  audit: (before) => api('GET', `${A}/audit?limit=50${before ? `&before=${before}` : ''}`),
  day: () => api('GET', `${A}/day`),
  dayAction: (action) => api('POST', `${A}/day/${action}`, {}),
  endDay: () => api('POST', `${A}/day/end`, {}),
  findTickets: async (label) =>
    (await api<{ tickets: TicketView[] }>('GET', `${A}/tickets?label=${enc(label)}`)).tickets,
  cancelTicket: async (id, reason) =>
    (await api<{ ticket: TicketView }>('POST', `${A}/tickets/${id}/cancel`, { reason })).ticket,
  reprint: (id) => api('POST', `${A}/tickets/${id}/reprint`, {}),
  devices: async () => (await api<{ devices: DeviceView[] }>('GET', '/api/devices')).devices,
  putDevice: (id, body) => api('PUT', `/api/devices/${enc(id)}`, body),
  deleteDevice: (id) => api('DELETE', `/api/devices/${enc(id)}`),
  printTest: async () =>
    (await api<{ outcome: PrintOutcome }>('POST', `${A}/printer/test`, {}, 15_000)).outcome,
  pairedDevices: async () => (await api<{ devices: PairedDevice[] }>('GET', '/api/paired-devices')).devices,
  createPairingCode: (body) => api('POST', '/api/pairing-codes', body),
  revokePaired: (id) => api('DELETE', `/api/paired-devices/${id}`),
  segments: async () => (await api<{ segments: VoiceSegmentInfo[] }>('GET', `${A}/voice/segments`)).segments,
  uploadSegment: async (id, audio, durationMs) => {
    const type = (audio.type || 'audio/ogg').split(';')[0] ?? 'audio/ogg';
    const res = await raw(
      'PUT',
      `${A}/voice/segments/${enc(id)}?durationMs=${Math.round(durationMs)}`,
      audio,
      type,
    );
    return (await res.json()) as VoiceSegmentInfo;
  },
  revertSegment: (id) => api('DELETE', `${A}/voice/segments/${enc(id)}`),
  previewTicket: async (layout, width) => {
    const res = await raw(
      'POST',
      `${A}/ticket-preview`,
      JSON.stringify({ layout, ...(width ? { width } : {}) }),
      'application/json',
    );
    return res.blob();
  },
  runRetention: () => api('POST', `${A}/retention/run`, {}, 60_000),
};
