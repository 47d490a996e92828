// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { parseHTML } from 'linkedom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../scripts/lib/corpus';
import { classify } from '../../src/core/classify';
import { extractFeatures } from '../../src/core/features';
import { UNFAMILIAR_SIGNAL } from '../../src/core/pageTypes';
import type { Verdict } from '../../src/core/types';
import { VerdictView } from '../../src/popup/VerdictView';
import { setMessageSource } from '../../src/shared/i18n';
import { messageSource } from '../helpers/locales';

beforeAll(() => setMessageSource(messageSource('en')));
afterEach(cleanup);

/**
 * The same page after a redesign: its words survive, every element, id, role, test id and attribute the site
 * used is gone, as when a site ships a new front end with generated class names.
 */
function redesigned(html: string): string {
  const { document } = parseHTML(html);
  const text = (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 4000);
  const head = document.head?.innerHTML ?? '';
  return `<!DOCTYPE html><html><head>${head}</head><body><div class="x1n2onr6 x9f619"><div class="_a9zs">${text}</div></div></body></html>`;
}

function verdictFor(file: string, url: string, rewrite = false): Verdict {
  const html = readFileSync(join(CORPUS_DIR, file), 'utf8');
  const { document } = parseHTML(rewrite ? redesigned(html) : html);
  return classify(extractFeatures(document, url));
}

const unsure = (verdict: Verdict) => verdict.reasons.find((r) => r.signal === UNFAMILIAR_SIGNAL);

describe('a known site whose page no longer looks as the extension knows it', () => {
  // An address that cannot tell a person from a Page: the page's own signals decide there.
  const file = 'facebook/page-musician.html';
  const url = 'https://www.facebook.com/thelanternhollows';

  it('says the verdict rests on the address alone, with lower confidence', () => {
    const before = verdictFor(file, url);
    expect(unsure(before)).toBeUndefined();

    const after = verdictFor(file, url, true);
    expect(unsure(after)?.text).toBe(
      'the page did not look like what the extension knows of Facebook; labelled from the address alone',
    );
    expect(after.confidence).toBeLessThan(before.confidence);
    expect(after.confidence).toBeLessThanOrEqual(0.35);
    expect(after.platform?.id).toBe('facebook');
  });

  it('says nothing of the kind where the address itself names the page type', () => {
    const after = verdictFor('linkedin/feed.html', 'https://www.linkedin.com/feed/', true);
    expect(after.label).toBe('media');
    expect(unsure(after)).toBeUndefined();
  });

  it('says nothing of the kind when the extension had no page to read', () => {
    expect(unsure(classify(extractFeatures(null, url)))).toBeUndefined();
  });

  it('shows it in the popup', () => {
    const verdict = verdictFor(file, url, true);
    render(
      <VerdictView
        state={{
          tabId: 1,
          url,
          domain: 'facebook.com',
          verdict,
          automatic: verdict,
          prefs: { labeling: true, override: 'auto' },
          updatedAt: 0,
        }}
      />,
    );
    expect(screen.getByTestId('unsure').textContent).toBe(
      'the page did not look like what the extension knows of Facebook; labelled from the address alone',
    );
  });
});
