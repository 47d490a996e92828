// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Intentions } from '../../src/balance/schema';
import { BalancePage } from '../../src/balancePage/BalancePage';
import type { UsageApi, UsageChange } from '../../src/balancePage/balanceApi';
import { PLOT_HEIGHT } from '../../src/balancePage/usageCharts';
import { setMessageSource } from '../../src/shared/i18n';
import type { Note } from '../../src/storage/schema';
import type { UsageTotals } from '../../src/usage/schema';
import { addDays } from '../../src/usage/totals';
import { messageSource } from '../helpers/locales';

// The page's default API is the browser one; the polyfill refuses to load outside an extension.
vi.mock('webextension-polyfill', () => ({ default: {} }));

beforeEach(() => {
  setMessageSource(messageSource('en'));
  history.replaceState(null, '', '#');
});
afterEach(cleanup);

const TODAY = '2025-03-14';
const MIN = 60_000;

/** Minutes per site over the last 7 days, oldest first (today last). */
const WEEK = {
  'youtube.com': { media: [15, 20, 30, 10, 40, 20, 15] },
  'instagram.com': { media: [5, 10, 10, 0, 10, 5, 0] },
  'linkedin.com': { networking: [5, 10, 15, 0, 20, 10, 5] },
  'facebook.com': { mixed: [0, 5, 0, 0, 10, 0, 5] },
} as const;
/** Per day, summed over sites. */
const WEEK_DAYS = {
  media: [20, 30, 40, 10, 50, 25, 15],
  networking: [5, 10, 15, 0, 20, 10, 5],
  mixed: [0, 5, 0, 0, 10, 0, 5],
};

/**
 * 30 days of data: the week above, and 23 earlier days of 30 min media on instagram.com and 30 min
 * networking on facebook.com. One day long before, which no view may show (only the CSV).
 */
function monthOfTotals(): UsageTotals {
  const totals: UsageTotals = {};
  const put = (day: string, domain: string, part: 'media' | 'networking' | 'mixed', minutes: number) => {
    if (minutes === 0) return;
    const sites = totals[day] ?? {};
    const site = sites[domain] ?? { media: 0, networking: 0, mixed: 0 };
    site[part] += minutes * MIN;
    sites[domain] = site;
    totals[day] = sites;
  };
  for (let i = 0; i < 7; i++) {
    const day = addDays(TODAY, i - 6);
    for (const [domain, parts] of Object.entries(WEEK)) {
      for (const [part, minutes] of Object.entries(parts)) put(day, domain, part as 'media', minutes[i] as number);
    }
  }
  for (let back = 7; back < 30; back++) {
    const day = addDays(TODAY, -back);
    put(day, 'instagram.com', 'media', 30);
    put(day, 'facebook.com', 'networking', 30);
  }
  put('2025-01-01', 'old.example', 'media', 500);
  return totals;
}

function fakeApi(totals: UsageTotals, overrides: Partial<UsageApi> = {}) {
  let listener: ((change: UsageChange) => void) | null = null;
  const api: UsageApi = {
    today: () => TODAY,
    locale: () => 'en-GB',
    readTotals: async () => totals,
    readRetentionDays: async () => 90,
    readNotes: async () => [],
    readIntentions: async () => ({}),
    subscribe: (callback) => {
      listener = callback;
      return () => {
        listener = null;
      };
    },
    deleteAll: vi.fn(async () => {}),
    download: vi.fn(),
    ...overrides,
  };
  return { api, push: (change: UsageChange) => listener?.(change) };
}

function dayGroups(): Element[] {
  return [...document.querySelectorAll('svg.usage-chart g.usage-chart__day')];
}

/** Bar height per minute on the chart's own scale: the same for every bar. */
function pixelsPerMinute(): number {
  const max = Number(document.querySelector('svg.usage-chart')?.getAttribute('data-scale-max'));
  return PLOT_HEIGHT / max;
}

function barHeights(group: Element): Record<string, number> {
  const heights: Record<string, number> = {};
  for (const rect of group.querySelectorAll('rect')) {
    heights[rect.getAttribute('data-part') as string] = Number(rect.getAttribute('height'));
  }
  return heights;
}

function rowTexts(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''),
  );
}

function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  return minutes % 60 === 0 ? `${minutes / 60} hr` : `${Math.floor(minutes / 60)} hr ${minutes % 60} min`;
}

describe('Balance page: the overview', () => {
  it('says plainly when nothing has been counted yet, with nothing to export or delete', async () => {
    render(<BalancePage api={fakeApi({}).api} />);
    expect(
      await screen.findByText(
        'No time counted yet. Time on social sites is counted while you use them; nothing leaves your browser.',
      ),
    ).toBeTruthy();
    expect(document.querySelector('svg')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export usage as CSV' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete all usage data' })).toBeNull();
    expect(screen.getByText(/kept on this device for 90 days/)).toBeTruthy();
  });

  it('draws the last 7 days as stacked bars, heights proportional to minutes', async () => {
    render(<BalancePage api={fakeApi(monthOfTotals()).api} />);
    const chart = await screen.findByRole('img');
    expect(chart.tagName.toLowerCase()).toBe('svg');
    const groups = dayGroups();
    expect(groups).toHaveLength(7);
    expect(groups.map((g) => g.getAttribute('data-day'))).toEqual(
      Array.from({ length: 7 }, (_, i) => addDays(TODAY, i - 6)),
    );
    const scale = pixelsPerMinute();
    groups.forEach((group, i) => {
      const expected: Record<string, number> = {};
      for (const part of ['media', 'networking', 'mixed'] as const) {
        const minutes = WEEK_DAYS[part][i] as number;
        if (minutes > 0) expected[part] = minutes * scale;
      }
      const heights = barHeights(group);
      expect(Object.keys(heights).sort()).toEqual(Object.keys(expected).sort());
      for (const [part, height] of Object.entries(expected)) expect(heights[part]).toBeCloseTo(height, 1);
    });
    // The busiest day (80 min) fills the axis, which tops out at a round 80 min.
    expect(Number(chart.getAttribute('data-scale-max'))).toBe(80);
    expect(chart.getAttribute('aria-label')).toBe(
      'Stacked bars of time per day over the last 7 days. In all: media 3 hr 10 min, networking 1 hr 5 min, ' +
        'mixed 20 min. Busiest day: Wednesday 12 March, with 1 hr 20 min. The same figures are in the table below.',
    );
    // Axis labels: weekdays and dates in the UI language, minutes on the side.
    expect(chart.textContent).toContain('Fri');
    expect(chart.textContent).toContain('14 Mar');
    expect(chart.textContent).toContain('80 min');
    expect(screen.getByText('Social media')).toBeTruthy();
    expect(screen.getByText('Social networking')).toBeTruthy();
    expect(screen.getByText('Media and networking')).toBeTruthy();
  });

  it('puts the same figures in a table for screen readers', async () => {
    render(<BalancePage api={fakeApi(monthOfTotals()).api} />);
    await screen.findByRole('img');
    expect(screen.getAllByText('Show as table').map((e) => e.tagName.toLowerCase())).toEqual(['summary', 'summary']);
    const table = screen.getByRole('table', { name: 'Time per day, last 7 days' });
    const rows = rowTexts(table);
    expect(rows).toHaveLength(7);
    const groups = dayGroups();
    const scale = pixelsPerMinute();
    rows.forEach((row, i) => {
      const media = WEEK_DAYS.media[i] as number;
      const networking = WEEK_DAYS.networking[i] as number;
      const mixed = WEEK_DAYS.mixed[i] as number;
      expect(row.slice(1)).toEqual([media, networking, mixed, media + networking + mixed].map(duration));
      // ...and the bar drawn for that day says the same.
      const heights = barHeights(groups[i] as Element);
      expect((heights.media ?? 0) / scale).toBeCloseTo(media, 1);
      expect((heights.networking ?? 0) / scale).toBeCloseTo(networking, 1);
      expect((heights.mixed ?? 0) / scale).toBeCloseTo(mixed, 1);
    });
    expect(rows[0]?.[0]).toBe('Saturday 8 March');
    expect(rows[6]?.[0]).toBe('Friday 14 March (today)');
  });

  it('states the balance in plain words', async () => {
    render(<BalancePage api={fakeApi(monthOfTotals()).api} />);
    expect(
      await screen.findByText(
        'Media 3 hr 10 min, networking 1 hr 5 min: about 3 to 1. Plus 20 min on pages used both ways.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/This period leaned towards media\. .*Both uses are legitimate/)).toBeTruthy();
  });

  it('lists sites by total time for the period', async () => {
    render(<BalancePage api={fakeApi(monthOfTotals()).api} />);
    const table = await screen.findByRole('table', { name: 'By site, last 7 days' });
    expect(rowTexts(table)).toEqual([
      ['youtube.com', '2 hr 30 min', '0 min', '0 min', '2 hr 30 min'],
      ['linkedin.com', '0 min', '1 hr 5 min', '0 min', '1 hr 5 min'],
      ['instagram.com', '40 min', '0 min', '0 min', '40 min'],
      ['facebook.com', '0 min', '0 min', '20 min', '20 min'],
    ]);
  });

  it('switches to 30 days: 30 bar groups, the month in words and the month per site', async () => {
    render(<BalancePage api={fakeApi(monthOfTotals()).api} />);
    await screen.findByRole('img');
    fireEvent.click(screen.getByRole('radio', { name: 'Last 30 days' }));
    await waitFor(() => expect(dayGroups()).toHaveLength(30));
    expect(dayGroups()[0]?.getAttribute('data-day')).toBe(addDays(TODAY, -29));
    const scale = pixelsPerMinute();
    for (const group of dayGroups().slice(0, 23)) {
      expect(barHeights(group).media).toBeCloseTo(30 * scale, 1);
      expect(barHeights(group).networking).toBeCloseTo(30 * scale, 1);
    }
    expect(
      screen.getByText(
        'Media 14 hr 40 min, networking 12 hr 35 min: about 5 to 4. Plus 20 min on pages used both ways.',
      ),
    ).toBeTruthy();
    expect(rowTexts(screen.getByRole('table', { name: 'Time per day, last 30 days' }))).toHaveLength(30);
    const sites = rowTexts(screen.getByRole('table', { name: 'By site, last 30 days' }));
    expect(sites.map((row) => row[0])).toEqual(['instagram.com', 'facebook.com', 'youtube.com', 'linkedin.com']);
    expect(sites[1]).toEqual(['facebook.com', '0 min', '11 hr 30 min', '20 min', '11 hr 50 min']);
  });

  it('exports all totals as CSV, with formula-like text defused', async () => {
    const totals = monthOfTotals();
    totals[TODAY] = { ...totals[TODAY], '=HYPERLINK("x")': { media: 90_000, networking: 0, mixed: 1_000 } };
    const { api } = fakeApi(totals);
    render(<BalancePage api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export usage as CSV' }));
    expect(api.download).toHaveBeenCalledTimes(1);
    const [fileName, text, type] = vi.mocked(api.download).mock.calls[0] as [string, string, string];
    expect(fileName).toBe('reach-or-relate-usage-2025-03-14.csv');
    expect(type).toMatch(/^text\/csv/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('day,domain,media_seconds,networking_seconds,mixed_seconds');
    expect(lines[1]).toBe('2025-01-01,old.example,30000,0,0');
    expect(lines).toContain('2025-03-14,"\'=HYPERLINK(""x"")",90,0,1');
    expect(lines).toContain('2025-03-14,youtube.com,900,0,0');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('asks in the page before deleting, then sends the deletion and shows the empty state', async () => {
    const { api } = fakeApi(monthOfTotals());
    render(<BalancePage api={api} />);
    const remove = await screen.findByRole('button', { name: 'Delete all usage data' });

    expect(remove.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(remove);
    expect(remove.getAttribute('aria-expanded')).toBe('true');
    const confirm = screen.getByRole('group', { name: /Delete all counted time on this device\?/ });
    const cancel = within(confirm).getByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    expect(screen.queryByRole('group', { name: /Delete all counted time/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(remove));

    fireEvent.click(remove);
    fireEvent.keyDown(screen.getByRole('group', { name: /Delete all counted time/ }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: /Delete all counted time/ })).toBeNull();
    expect(api.deleteAll).not.toHaveBeenCalled();

    fireEvent.click(remove);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete usage data' }));
    await waitFor(() => expect(api.deleteAll).toHaveBeenCalledTimes(1));
    expect(await screen.findByText(/^No time counted yet\./)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('All usage data was deleted.');
    expect(document.activeElement).toBe(screen.getByRole('status'));
    expect(document.querySelector('svg')).toBeNull();
  });

  it('says so when deletion fails, and keeps the data on screen', async () => {
    const { api } = fakeApi(monthOfTotals(), { deleteAll: vi.fn(async () => Promise.reject(new Error('no'))) });
    render(<BalancePage api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete all usage data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete usage data' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The usage data could not be deleted. Please try again.',
    );
    expect(dayGroups()).toHaveLength(7);
  });

  it('follows changes to the stored totals and retention', async () => {
    const { api, push } = fakeApi({});
    render(<BalancePage api={api} />);
    await screen.findByText(/^No time counted yet\./);
    push({ totals: { [TODAY]: { 'reddit.com': { media: 0, networking: 12 * MIN, mixed: 0 } } } });
    expect(await screen.findByText('Networking 12 min, no media.')).toBeTruthy();
    expect(dayGroups()).toHaveLength(7);
    push({ retentionDays: 1 });
    expect(await screen.findByText(/kept on this device for 1 day,/)).toBeTruthy();
    push({ totals: {} });
    expect(await screen.findByText(/^No time counted yet\./)).toBeTruthy();
  });

  it('speaks German, dates included', async () => {
    setMessageSource(messageSource('de'));
    render(<BalancePage api={fakeApi(monthOfTotals(), { locale: () => 'de' }).api} />);
    expect(
      await screen.findByText(
        'Medien 3 Std., 10 Min., Netzwerken 1 Std., 5 Min.: etwa 3 zu 1. Dazu 20 Min. auf Seiten, die Sie auf beide Arten genutzt haben.',
      ),
    ).toBeTruthy();
    const today = dayGroups().at(-1) as Element;
    const [weekday, date] = [...today.querySelectorAll('text.usage-chart__date tspan')].map((s) => s.textContent);
    expect(weekday).toMatch(/^Fr\.?$/);
    expect(date).toBe('14. März');
    expect(screen.getByRole('button', { name: 'Alle Nutzungsdaten löschen' })).toBeTruthy();
  });
});

/** The figures of the summary, by what each says: total, average, change, ratio. */
function figures(): Record<string, string> {
  return Object.fromEntries(
    [...document.querySelectorAll<HTMLElement>('.balance__figure')].map((figure) => [
      figure.dataset.figure,
      figure.querySelector('dd')?.textContent ?? '',
    ]),
  );
}

function note(domain: string, path: string | null, text: string): Note {
  return { domain, path, text, reminder: false, updatedAt: 0 };
}

describe('Balance page: the figures', () => {
  it('gives the week in all, per day, against the week before and as a ratio', async () => {
    render(<BalancePage api={fakeApi(monthOfTotals()).api} />);
    await screen.findByRole('img');
    // 275 min over 7 days is 39 min a day; the week before had 60 a day: 35% less.
    expect(figures()).toEqual({
      total: '4 hr 35 min',
      average: '39 min',
      change: '35% less',
      ratio: 'about 3 to 1',
    });
    expect(screen.getByText('Compared with the 7 days before')).toBeTruthy();
  });

  it('today: no average, compared with yesterday, no chart', async () => {
    render(<BalancePage api={fakeApi(monthOfTotals()).api} />);
    await screen.findByRole('img');
    fireEvent.click(screen.getByRole('radio', { name: 'Today' }));
    await waitFor(() => expect(document.querySelector('svg.usage-chart')).toBeNull());
    // Today 25 min (15 media, 5 networking, 5 mixed), yesterday 35 min.
    expect(figures()).toEqual({ total: '25 min', change: '29% less', ratio: 'about 3 to 1' });
    expect(screen.getByText('Compared with yesterday')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'By site, today' })).toBeTruthy();
  });

  it('30 days with nothing before them: nothing to compare with', async () => {
    render(<BalancePage api={fakeApi(monthOfTotals()).api} />);
    await screen.findByRole('img');
    fireEvent.click(screen.getByRole('radio', { name: 'Last 30 days' }));
    await waitFor(() => expect(dayGroups()).toHaveLength(30));
    expect(figures()).toEqual({
      total: '27 hr 35 min',
      average: '55 min',
      change: 'Nothing to compare with yet',
      ratio: 'about 5 to 4',
    });
  });

  it('averages over the days counted since the first record, and says so', async () => {
    const totals: UsageTotals = {};
    for (let back = 0; back < 3; back++) {
      totals[addDays(TODAY, -back)] = { 'reddit.com': { media: 20 * MIN, networking: 10 * MIN, mixed: 0 } };
    }
    render(<BalancePage api={fakeApi(totals).api} />);
    await screen.findByRole('img');
    expect(figures().average).toBe('30 minover the 3 days counted so far');
    expect(figures().change).toBe('Nothing to compare with yet');
  });
});

describe('Balance page: per site', () => {
  const notes = [
    note('linkedin.com', null, 'Only to reply to recruiters.'),
    note('linkedin.com', '/groups/', 'Post the meetup.'),
    note('youtube.com', '/watch', '<b>not markup</b>'),
  ];
  const intentions: Intentions = {
    'linkedin.com': { on: true, today: { day: TODAY, choice: 'reply' }, snoozedUntil: null },
    'youtube.com': { on: true, today: { day: addDays(TODAY, -1), choice: 'videos20' }, snoozedUntil: null },
  };
  const withExtras = () =>
    fakeApi(monthOfTotals(), { readNotes: async () => notes, readIntentions: async () => intentions }).api;

  it('lists sites with bars as long as their share of the busiest, with note and intention beside', async () => {
    render(<BalancePage api={withExtras()} />);
    await screen.findByText('Only to reply to recruiters.');
    const rows = [...document.querySelectorAll<HTMLElement>('.site-row')];
    expect(rows.map((row) => row.dataset.domain)).toEqual([
      'youtube.com',
      'linkedin.com',
      'instagram.com',
      'facebook.com',
    ]);
    const widths = rows.map((row) => row.querySelector<HTMLElement>('.usage__fill')?.style.width);
    // 150, 65, 40 and 20 min against the busiest 150.
    expect(widths).toEqual(['100%', `${(65 / 150) * 100}%`, `${(40 / 150) * 100}%`, `${(20 / 150) * 100}%`]);
    const linkedin = rows[1] as HTMLElement;
    expect(within(linkedin).getByRole('link', { name: 'linkedin.com' }).getAttribute('href')).toBe(
      '#site=linkedin.com',
    );
    expect(linkedin.textContent).toContain("Today's intention: Reply to messages");
    expect(linkedin.textContent).toContain('1 page note');
    // Yesterday's choice no longer holds: intentions are on, nothing chosen today.
    expect((rows[0] as HTMLElement).textContent).toContain('Intentions on');
  });

  it("a row's link opens the site's view from the address, and Back returns to the row", async () => {
    render(<BalancePage api={withExtras()} />);
    const link = await screen.findByRole('link', { name: 'linkedin.com' });
    history.pushState(null, '', link.getAttribute('href'));
    dispatchEvent(new HashChangeEvent('hashchange'));
    const heading = await screen.findByRole('heading', { level: 1, name: 'linkedin.com' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(figures()).toEqual({
      total: '1 hr 5 min',
      average: '9 min',
      change: 'Nothing to compare with yet',
      ratio: 'networking only',
    });
    expect(screen.getByText('Only to reply to recruiters.')).toBeTruthy();
    expect(screen.getByText('/groups/')).toBeTruthy();
    expect(screen.getByTestId('site-intention').textContent).toBe("Today's intention: Reply to messages");
    // The site's own days: linkedin.com's networking minutes only.
    const networking = dayGroups().map((g) =>
      Number(g.querySelector('[data-part="networking"]')?.getAttribute('data-minutes') ?? 0),
    );
    expect(networking).toEqual([...WEEK['linkedin.com'].networking]);

    history.pushState(null, '', '#');
    dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(document.activeElement?.getAttribute('href')).toBe('#site=linkedin.com'));
  });

  it('opens straight at a site named in the address (a reload), and renders notes as text', async () => {
    history.replaceState(null, '', '#site=youtube.com');
    render(<BalancePage api={withExtras()} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'youtube.com' })).toBeTruthy();
    expect(screen.getByText('<b>not markup</b>')).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByText('No note for this site as a whole. Write one from the popup on the site.')).toBeTruthy();
    expect(screen.getByTestId('site-intention').textContent).toMatch(/^Intentions are on/);
  });
});
