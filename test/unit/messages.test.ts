import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../src/core/features';
import { MAX_FEATURES_BYTES, parseMessage } from '../../src/shared/messages';

const features = extractFeatures(null, 'https://www.linkedin.com/feed/');

describe('message contract', () => {
  it('accepts well-formed messages of every kind', () => {
    const valid = [
      { type: 'page-features', features },
      { type: 'page-features', features, activity: { typing: 3, sends: 1, scrolls: 0, watchSeconds: 12 } },
      { type: 'get-tab-state', tabId: 4 },
      { type: 'classify-tab', tabId: 4 },
      { type: 'get-usage-today', domain: 'linkedin.com' },
      { type: 'set-site-prefs', domain: 'linkedin.com', change: { override: 'media', labeling: false } },
      { type: 'save-note', domain: 'linkedin.com', path: null, text: 'Only recruiters', reminder: true },
      { type: 'save-note', domain: 'linkedin.com', path: '/in/ana/', text: '', reminder: false },
      { type: 'delete-note', domain: 'linkedin.com', path: null },
      { type: 'set-settings', change: { sync: true, retentionDays: 30 } },
      { type: 'save-custom-site', site: { domain: 'forum.example', name: 'Forum', lean: 'networking' } },
      { type: 'remove-custom-site', domain: 'forum.example' },
      { type: 'apply-import', text: '{}' },
      { type: 'delete-usage' },
      { type: 'delete-backup', key: 'backup:sites:1700000000000' },
    ];
    for (const message of valid) expect(parseMessage(message), JSON.stringify(message)).not.toBeNull();
  });

  it('refuses malformed, oversized and unknown messages', () => {
    const invalid: unknown[] = [
      null,
      'page-features',
      [],
      { type: 'nope' },
      { type: 'page-features' },
      { type: 'page-features', features: { ...features, signals: 'linkedin.feed' } },
      { type: 'page-features', features: { ...features, url: 'x'.repeat(5000) } },
      { type: 'page-features', features: { ...features, signals: Array(65).fill('a') } },
      { type: 'page-features', features, activity: { typing: Number.NaN, sends: 0, scrolls: 0, watchSeconds: 0 } },
      { type: 'page-features', features, activity: { typing: -1, sends: 0, scrolls: 0, watchSeconds: 0 } },
      { type: 'get-tab-state', tabId: -1 },
      { type: 'get-tab-state', tabId: '3' },
      { type: 'set-site-prefs', domain: 'linkedin.com', change: { override: 'everything' } },
      { type: 'set-site-prefs', domain: 'linkedin.com', change: { labeling: true, extra: 1 } },
      { type: 'set-site-prefs', domain: 'not a domain', change: { labeling: true } },
      { type: 'save-note', domain: 'linkedin.com', path: null, text: 'x'.repeat(2001), reminder: false },
      { type: 'save-note', domain: 'linkedin.com', path: null, text: 'hi' },
      { type: 'set-settings', change: { retentionDays: 0 } },
      { type: 'set-settings', change: { allSites: true } },
      { type: 'save-custom-site', site: { domain: 'forum.example', name: 'Forum', lean: 'networking', managed: true } },
      { type: 'delete-backup', key: 'settings' },
    ];
    for (const message of invalid) expect(parseMessage(message), JSON.stringify(message)?.slice(0, 80)).toBeNull();
  });

  it('keeps feature reports under the size limit', () => {
    const big = {
      ...features,
      signals: Array(64).fill('s'.repeat(64)),
      url: `https://www.linkedin.com/${'a'.repeat(4000)}`,
    };
    expect(JSON.stringify(big).length).toBeLessThan(MAX_FEATURES_BYTES);
    expect(parseMessage({ type: 'page-features', features: big })).not.toBeNull();
  });
});
