import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { corpusCases } from '../../scripts/lib/corpus';
import { type DocumentLike, extractWith } from '../../src/core/extract';
import { knownSitesKnowledge } from '../../src/core/knowledge';
import { knowledge, siteForUrl } from '../../src/core/sites';

/**
 * A re-read after DOM additions (`since`) looks for the signals the last reading missed only in the added nodes:
 * it must read what a whole reading reads, and must not scan the whole document for them.
 */
const compact = knownSitesKnowledge(knowledge);

// Every corpus page twice over: on a loaded two-core machine this took over Vitest's default 5 s.
describe('re-reading only what was added', { timeout: 30_000 }, () => {
  it('reads every corpus page of a known site as a whole reading does, after half its body arrives late', () => {
    let pages = 0;
    let found = 0;
    for (const entry of corpusCases()) {
      if (!siteForUrl(new URL(entry.url))) continue;
      const { document } = parseHTML(readFileSync(entry.path, 'utf8'));
      const body = document.body;
      if (!body) continue;
      const children = [...body.children];
      const late = children.slice(Math.floor(children.length / 2));
      for (const node of late) node.remove();
      const previous = extractWith(compact, document, entry.url);
      body.append(...late);
      const whole = extractWith(compact, document, entry.url);
      const since = extractWith(compact, document, entry.url, undefined, { previous, added: late });
      expect(since, entry.file).toEqual(whole);
      pages++;
      if (whole.signals.length > previous.signals.length) found++;
    }
    expect(pages).toBeGreaterThan(100);
    // The late half brought signals the first reading did not have on some pages: the added nodes were read.
    expect(found).toBeGreaterThan(5);
  });

  const url = 'https://www.linkedin.com/feed/';
  const page = () =>
    parseHTML(
      '<!doctype html><html><head><title>Feed</title></head><body><main><div class="scaffold-finite-scroll" id="feed"></div></main></body></html>',
    ).document;
  const spied = (doc: Document, asked: string[]): DocumentLike => ({
    head: doc.head,
    querySelector: (selector: string) => {
      asked.push(selector);
      return doc.querySelector(selector);
    },
    querySelectorAll: (selector: string) => doc.querySelectorAll(selector),
  });

  it('does not query the whole document for signals that were absent', () => {
    const doc = page();
    const previous = extractWith(compact, doc, url);
    expect(previous.signals).not.toContain('generic.conversation-log');
    const post = doc.createElement('article');
    post.textContent = 'a post';
    doc.getElementById('feed')?.append(post);
    const asked: string[] = [];
    const again = extractWith(compact, spied(doc, asked), url, undefined, { previous, added: [post] });
    expect(again).toEqual(previous);
    expect(asked).not.toContain('[role="log"]');
    expect(asked.length).toBeGreaterThan(0);
  });

  it('finds a signal that arrives inside an added subtree, and drops one whose element left', () => {
    const doc = page();
    const previous = extractWith(compact, doc, url);
    expect(previous.signals).toContain('linkedin.main-feed');
    const chat = doc.createElement('aside');
    const log = doc.createElement('div');
    log.setAttribute('role', 'log');
    chat.append(doc.createElement('div'));
    chat.firstElementChild?.append(log);
    doc.body.append(chat);
    doc.querySelector('.scaffold-finite-scroll')?.remove();
    const again = extractWith(compact, doc, url, undefined, { previous, added: [chat] });
    expect(again.signals).toContain('generic.conversation-log');
    expect(again.signals).not.toContain('linkedin.main-feed');
    expect(again).toEqual(extractWith(compact, doc, url));
  });
});
