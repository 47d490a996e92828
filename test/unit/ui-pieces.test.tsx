// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoadStatus } from '../../src/options/LoadStatus';
import { matchesSearch, SearchBox } from '../../src/options/SearchBox';
import { useBusy } from '../../src/options/useBusy';
import { formatDuration, formatMinutes } from '../../src/shared/format';
import { setMessageSource } from '../../src/shared/i18n';
import { Choices } from '../../src/ui/Choices';
import { Switch } from '../../src/ui/Switch';
import { messageSource } from '../helpers/locales';

beforeAll(() => setMessageSource(messageSource('en')));
afterEach(cleanup);

describe('shared UI pieces', () => {
  it('useBusy runs one write at a time and says so meanwhile', async () => {
    let finish: () => void = () => {};
    const work = vi.fn(() => new Promise<void>((done) => (finish = done)));
    function Button() {
      const [busy, run] = useBusy();
      return (
        <button type="button" aria-disabled={busy} onClick={() => void run(work)}>
          save
        </button>
      );
    }
    render(<Button />);
    const button = screen.getByRole('button');
    fireEvent.click(button);
    fireEvent.click(button);
    expect(work).toHaveBeenCalledTimes(1);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await act(async () => finish());
    expect(button.getAttribute('aria-disabled')).toBe('false');
    fireEvent.click(button);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('the switch reports the new state and stays focusable while busy', () => {
    const changed = vi.fn();
    render(
      <Switch checked={false} busy onChange={changed}>
        Sync
      </Switch>,
    );
    const input = screen.getByRole('switch', { name: 'Sync' }) as HTMLInputElement;
    expect(input.disabled).toBe(false);
    expect(input.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(input);
    expect(changed).toHaveBeenCalledWith(true);
  });

  it('choices check the current value and report the chosen one', () => {
    const changed = vi.fn();
    render(
      <Choices
        legend="Label"
        name="label"
        choices={['auto', 'media'] as const}
        value="auto"
        text={(c) => c.toUpperCase()}
        onChange={changed}
      />,
    );
    expect((screen.getByRole('radio', { name: 'AUTO' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'MEDIA' }));
    expect(changed).toHaveBeenCalledWith('media');
  });

  it('the search box matches every word and counts what it shows', () => {
    expect(matchesSearch('Link  recr', 'linkedin.com', null, 'Only recruiters')).toBe(true);
    expect(matchesSearch('link feed', 'linkedin.com', 'Only recruiters')).toBe(false);
    expect(matchesSearch('  ', 'anything')).toBe(true);
    const typed = vi.fn();
    render(<SearchBox id="x" label="Search" query="" onQuery={typed} shown={2} total={5} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'abc' } });
    expect(typed).toHaveBeenCalledWith('abc');
    expect(screen.getByRole('status').textContent).toBe('2 of 5 shown');
  });

  it('the load status shows loading, then the failure, then nothing', () => {
    const { container, rerender } = render(<LoadStatus loaded={{ status: 'loading' }} />);
    expect(container.textContent).toMatch(/load/i);
    rerender(<LoadStatus loaded={{ status: 'error', message: 'disk gone' }} />);
    expect(screen.getByRole('alert').textContent).toContain('disk gone');
    rerender(<LoadStatus loaded={{ status: 'ready', value: 1 }} />);
    expect(container.textContent).toBe('');
  });

  it('durations: hours for the dashboard, minutes for the popup', () => {
    const ms = (75 * 60 + 10) * 1000;
    expect(formatDuration(ms)).toBe('1 hr 15 min');
    expect(formatMinutes(ms)).toMatch(/^75\b/);
    expect(formatMinutes(10_000)).not.toMatch(/^0\b/);
    expect(formatMinutes(0)).toMatch(/^0\b/);
  });
});
