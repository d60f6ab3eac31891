import { describe, expect, it } from 'vitest';
import { ApiError, type AdminApi } from './admin-api.js';
import { AdminState, sectionOf } from './admin-state.svelte.js';
import { auditChanges, auditSummary } from './audit-text.js';
import { adminVi as t } from './i18n/vi.js';
import {
  copyMonday,
  formToHours,
  hoursToForm,
  nextCounterNumber,
  pinProblem,
  serviceForm,
  serviceFromForm,
  serviceProblem,
  templateOk,
  tidyTime,
} from './rules.js';

describe('admin form rules', () => {
  it('turns week hours into form rows and back', () => {
    const hours = {
      mon: [
        ['07:30', '11:30'],
        ['13:30', '17:00'],
      ] as Array<[string, string]>,
      sat: [['07:30', '11:30']] as Array<[string, string]>,
    };
    const rows = hoursToForm(hours);
    expect(rows).toHaveLength(7);
    expect(formToHours(rows)).toEqual(hours);
    expect(formToHours(copyMonday(rows)).fri).toEqual(hours.mon);
  });

  it.each([
    [{}, null],
    [{ code: 'đất' }, t.services.badCode],
    [{ prefix: 'D1' }, t.services.badPrefix],
    [{ dailyCap: 0 }, `${t.services.cap}: 1–9999`],
  ])('checks a service form %o', (patch, problem) => {
    const f = { ...serviceForm(), code: 'DD', name: 'Đất đai', prefix: 'd', ...patch };
    expect(serviceProblem(f, t)).toBe(problem);
  });

  it('refuses half-filled, malformed or overlapping sessions', () => {
    const f = { ...serviceForm(), code: 'DD', name: 'Đất đai', prefix: 'D' };
    f.hours[0] = { ...f.hours[0]!, amTo: '' };
    expect(serviceProblem(f, t)).toBe(t.services.badHours);
    f.hours[0] = { ...f.hours[0]!, amTo: '7h' };
    expect(serviceProblem(f, t)).toBe(t.services.badHours);
    f.hours[0] = { ...f.hours[0]!, amTo: '14:00' };
    expect(serviceProblem(f, t)).toBe(t.services.badHours);
  });

  it('normalises what is typed', () => {
    expect(tidyTime('7:30')).toBe('07:30');
    expect(tidyTime('13h30')).toBe('13:30');
    const s = serviceFromForm({
      ...serviceForm(),
      code: ' DD ',
      name: 'Đa\u0301t đai',
      prefix: 'd',
      nameEn: ' ',
    });
    expect(s).toMatchObject({ code: 'DD', name: 'Đát đai', prefix: 'D' });
    expect(s.nameEn).toBeUndefined();
    expect(nextCounterNumber([1, 2, 4])).toBe(3);
    expect(pinProblem('123', 'official', t)).toBe(t.officials.pinTooShort(4));
    expect(pinProblem('1234567', 'admin', t)).toBe(t.officials.pinTooShort(8));
    expect(templateOk('Mời số {số} đến quầy {quầy}')).toBe(true);
    expect(templateOk('Mời số {số}')).toBe(false);
    expect(sectionOf('#devices')).toBe('devices');
    expect(sectionOf('#nope')).toBe('centre');
  });

  it('describes audit entries in words, field by field', () => {
    const e = {
      id: 1,
      at: '',
      officialId: 1,
      officialName: 'A',
      action: 'service.update',
      target: 'service:DD',
      before: { name: 'Đất đai', dailyCap: 100 },
      after: { name: 'Đất đai', dailyCap: 120 },
    };
    expect(auditSummary(e, 'vi')).toBe('Sửa lĩnh vực: Đất đai');
    expect(auditChanges(e.before, e.after, 'vi')).toEqual([
      { field: 'Số phiếu tối đa', before: '100', after: '120' },
    ]);
  });
});

describe('AdminState.run', () => {
  const api = {
    site: async () => null,
    settings: async () => null,
    officials: async () => [],
  } as unknown as AdminApi;

  it('shows the server message on refusal and a notice on success', async () => {
    const s = new AdminState(api, () => t);
    expect(await s.run(() => Promise.reject(new ApiError(409, 'PREFIX_IN_USE', 'Chữ cái "A" đã dùng')))).toBe(
      false,
    );
    expect(s.error).toBe('Chữ cái "A" đã dùng');
    expect(await s.run(async () => 1)).toBe(true);
    expect(s.error).toBeNull();
    expect(s.notice).toBe(t.saved);
    expect(s.runs).toBe(2);
  });

  it('asks before destructive actions and runs them only when confirmed', async () => {
    const s = new AdminState(api, () => t);
    let ran = 0;
    s.ask('Xóa?', t.delete, async () => ran++);
    expect(s.confirmation?.message).toBe('Xóa?');
    await s.confirmed();
    expect(ran).toBe(1);
    expect(s.confirmation).toBeNull();
  });
});
