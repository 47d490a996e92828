// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { classify } from '../../src/core/classify';
import { extractFeatures } from '../../src/core/features';
import { AutoLabel, autoLabelHost } from '../../src/popup/AutoLabel';
import { setMessageSource } from '../../src/shared/i18n';
import type { TabState } from '../../src/shared/messages';
import { messageSource } from '../helpers/locales';

beforeAll(() => setMessageSource(messageSource('en')));
afterEach(cleanup);

function stateFor(url: string, html: string, domain: string): TabState {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const verdict = classify(extractFeatures(doc, url));
  return {
    tabId: 3,
    url,
    domain,
    verdict,
    automatic: verdict,
    prefs: { labeling: true, override: 'auto' },
    updatedAt: 0,
  };
}

const FORUM =
  '<html><head><meta name="generator" content="Discourse 3.3.0"></head><body><div id="main-outlet"></div></body></html>';
const forum = () => stateFor('https://forum.example-club.org/t/route-advice/4821', FORUM, 'example-club.org');

describe('"Label <site> automatically" in the popup', () => {
  it('is offered for a community a check found, and asks for that one host', async () => {
    const label = vi.fn(async () => true);
    render(<AutoLabel state={forum()} hasAccess={async () => false} label={label} />);
    const button = await screen.findByRole('button', { name: 'Label forum.example-club.org automatically' });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('auto-label-done')).toBeTruthy());
    expect(label).toHaveBeenCalledWith({
      host: 'forum.example-club.org',
      domain: 'example-club.org',
      name: 'forum.example-club.org',
      lean: 'networking',
    });
  });

  it('says so when the person declines the permission, and offers it again', async () => {
    render(<AutoLabel state={forum()} hasAccess={async () => false} label={async () => false} />);
    fireEvent.click(await screen.findByRole('button'));
    await screen.findByText('Without the permission the extension looks at this site only when you click its button.');
    expect(screen.getByRole('button')).toBeTruthy();
  });

  it('is not offered where the host already has the permission', async () => {
    render(<AutoLabel state={forum()} hasAccess={async () => true} label={async () => true} />);
    await screen.findByTestId('auto-label-done');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('is not offered on sites the list names, on pages that are not social, or over http', () => {
    const linkedin = stateFor('https://www.linkedin.com/feed/', '<html><body></body></html>', 'linkedin.com');
    expect(autoLabelHost(linkedin)).toBeNull();
    const news = stateFor('https://news.example.org/a', '<html><body><p>text</p></body></html>', 'example.org');
    expect(autoLabelHost(news)).toBeNull();
    const plain = stateFor('http://forum.example-club.org/t/x/1', FORUM, 'example-club.org');
    expect(autoLabelHost(plain)).toBeNull();
    expect(autoLabelHost(forum())).toBe('forum.example-club.org');
  });
});
