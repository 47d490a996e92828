// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserUsageApi } from '../../src/balancePage/balanceApi';
import { approximateRatio, ratioWords } from '../../src/balancePage/ratioWords';
import { niceScale, tickLabel } from '../../src/balancePage/usageCharts';
import { downloadText, REVOKE_AFTER_MS } from '../../src/options/download';
import { formatDuration } from '../../src/shared/format';
import { setMessageSource } from '../../src/shared/i18n';
import { messageSource } from '../helpers/locales';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const fake = vi.hoisted(() => {
  const listeners = new Set<Listener>();
  const stored: Record<string, unknown> = {};
  return {
    listeners,
    stored,
    browser: {
      i18n: { getUILanguage: () => 'de' },
      storage: {
        local: {
          get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
        },
        onChanged: {
          addListener: (l: Listener) => listeners.add(l),
          removeListener: (l: Listener) => listeners.delete(l),
        },
      },
      runtime: { sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => undefined) },
    },
  };
});

vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

beforeAll(() => setMessageSource(messageSource('en')));
afterEach(() => {
  for (const key of Object.keys(fake.stored)) delete fake.stored[key];
  vi.restoreAllMocks();
});

const SITE = { media: 60_000, networking: 0, mixed: 0 };

describe('browser usage API', () => {
  it('reads totals and keeps only well-formed entries', async () => {
    fake.stored.usageTotals = { '2025-03-14': { 'x.com': SITE, 'bad.example': { media: -1 } }, nonsense: {} };
    expect(await browserUsageApi.readTotals()).toEqual({ '2025-03-14': { 'x.com': SITE } });
    fake.stored.usageTotals = 'garbage';
    expect(await browserUsageApi.readTotals()).toEqual({});
  });

  it('reads the retention, falling back to the default', async () => {
    expect(await browserUsageApi.readRetentionDays()).toBe(90);
    fake.stored.settings = { allSites: false, sync: false, retentionDays: 30 };
    expect(await browserUsageApi.readRetentionDays()).toBe(30);
    fake.stored.settings = { retentionDays: 'forever' };
    expect(await browserUsageApi.readRetentionDays()).toBe(90);
  });

  it('reports changes to the totals, settings and intentions in storage.local, and to notes in either area', () => {
    const callback = vi.fn();
    const unsubscribe = browserUsageApi.subscribe(callback);
    const emit = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      for (const l of fake.listeners) l(changes, area);
    };
    emit({ usageTotals: { newValue: { '2025-03-14': { 'x.com': SITE } } } }, 'sync');
    emit({ 'tab:7': { newValue: {} } }, 'local');
    expect(callback).not.toHaveBeenCalled();
    emit({ usageTotals: { newValue: { '2025-03-14': { 'x.com': SITE } } } }, 'local');
    expect(callback).toHaveBeenLastCalledWith({ totals: { '2025-03-14': { 'x.com': SITE } } });
    emit({ usageTotals: {} }, 'local'); // removed: deleted by the user
    expect(callback).toHaveBeenLastCalledWith({ totals: {} });
    // Sync turned on or off changes where notes are read from.
    emit({ settings: { newValue: { retentionDays: 7 } } }, 'local');
    expect(callback).toHaveBeenLastCalledWith({ retentionDays: 7, notes: true });
    emit({ 'note:x.com': { newValue: {} } }, 'sync');
    expect(callback).toHaveBeenLastCalledWith({ notes: true });
    emit({ 'balance:intentions': { newValue: {} } }, 'local');
    expect(callback).toHaveBeenLastCalledWith({ intentions: true });
    emit({ 'balance:intentions': { newValue: {} } }, 'session');
    expect(callback).toHaveBeenCalledTimes(5);
    unsubscribe();
    expect(fake.listeners.size).toBe(0);
  });

  it('asks the worker to delete usage, and fails when the worker does not confirm', async () => {
    await expect(browserUsageApi.deleteAll()).rejects.toThrow(/no answer/);
    fake.browser.runtime.sendMessage.mockResolvedValueOnce({ ok: false, error: 'sender not allowed' });
    await expect(browserUsageApi.deleteAll()).rejects.toThrow(/sender not allowed/);
    fake.browser.runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: null });
    await browserUsageApi.deleteAll();
    expect(fake.browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'delete-usage' });
  });

  it("uses the catalogue's language and the local day", () => {
    setMessageSource(messageSource('de'));
    expect(browserUsageApi.locale()).toBe('de');
    setMessageSource(messageSource('en'));
    expect(browserUsageApi.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('downloads text as a file through a temporary link', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:usage';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    let clicked: HTMLAnchorElement | null = null;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked = this;
    });
    vi.useFakeTimers();
    try {
      downloadText(document, 'reach-or-relate-usage-2025-03-14.csv', 'a,b\r\n', 'text/csv;charset=utf-8');
      const link = clicked as HTMLAnchorElement | null;
      expect(link?.download).toBe('reach-or-relate-usage-2025-03-14.csv');
      expect(link?.getAttribute('href')).toBe('blob:usage');
      expect(link?.isConnected).toBe(false);
      // The URL outlives the click (revoking at once can cancel the download), then is freed.
      vi.advanceTimersByTime(REVOKE_AFTER_MS - 1);
      expect(revoke).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(revoke).toHaveBeenCalledWith('blob:usage');
    } finally {
      vi.useRealTimers();
    }
    expect(await created[0]?.text()).toBe('a,b\r\n');
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
  });
});

describe('dashboard wording', () => {
  it('rounds a ratio to what people say', () => {
    expect(approximateRatio(1)).toEqual([1, 1]);
    expect(approximateRatio(1.08)).toEqual([1, 1]);
    expect(approximateRatio(1.5)).toEqual([3, 2]);
    expect(approximateRatio(2.1)).toEqual([2, 1]);
    expect(approximateRatio(190 / 65)).toEqual([3, 1]);
    expect(approximateRatio(12.4)).toEqual([12, 1]);
    expect(approximateRatio(1 / 3)).toEqual([1, 3]);
    expect(approximateRatio(0.7)).toEqual([2, 3]);
  });

  it('states every balance in words', () => {
    const words = (media: number, networking: number, mixed: number) =>
      ratioWords({
        media: media * 60_000,
        networking: networking * 60_000,
        mixed: mixed * 60_000,
        ratio: null,
        mediaShare: null,
      });
    expect(words(190, 65, 0)).toBe('Media 3 hr 10 min, networking 1 hr 5 min: about 3 to 1.');
    expect(words(30, 90, 0)).toBe('Media 30 min, networking 1 hr 30 min: about 1 to 3.');
    expect(words(60, 55, 0)).toBe('Media 1 hr, networking 55 min: about even.');
    expect(words(45, 0, 0)).toBe('Media 45 min, no networking.');
    expect(words(0, 45, 10)).toBe('Networking 45 min, no media. Plus 10 min on pages used both ways.');
    expect(words(0, 0, 20)).toBe('20 min, all on pages used both ways (media and networking at once).');
  });

  it('formats durations and axis labels', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(20_000)).toBe('under 1 min');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(120 * 60_000)).toBe('2 hr');
    expect(formatDuration(190 * 60_000)).toBe('3 hr 10 min');
    expect(niceScale(0)).toEqual({ max: 60, step: 15 });
    expect(niceScale(3)).toEqual({ max: 3, step: 1 });
    expect(niceScale(80)).toEqual({ max: 80, step: 20 });
    expect(niceScale(130)).toEqual({ max: 150, step: 30 });
    expect(niceScale(7 * 60 + 5)).toEqual({ max: 480, step: 120 });
    expect(tickLabel(120, 60)).toBe('2 hr');
    expect(tickLabel(40, 20)).toBe('40 min');
    expect(tickLabel(0, 60)).toBe('0 hr');
    expect(tickLabel(0, 20)).toBe('0 min');
  });
});
