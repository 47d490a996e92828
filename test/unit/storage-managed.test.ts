import { describe, expect, it } from 'vitest';
import schema from '../../public/managed_schema.json' with { type: 'json' };
import { MANAGED_KEYS } from '../../src/storage/keys';
import { EMPTY_POLICY, effectiveSettings, mergeCustomSites, parsePolicy, readManaged } from '../../src/storage/managed';
import { DEFAULT_SETTINGS, DOMAIN_PATTERN, LEANS } from '../../src/storage/schema';
import { listCustomSites, removeCustomSite, saveCustomSite } from '../../src/storage/store';
import { fakeLocalArea } from '../helpers/fakeArea';

describe('reading the policy', () => {
  it('no managed area, or one that rejects (Firefox without a policy), means no policy', async () => {
    expect(await readManaged(undefined)).toEqual({ policy: EMPTY_POLICY, problems: [], available: false });
    const rejecting = { get: () => Promise.reject(new Error('Managed storage manifest not found')) };
    expect(await readManaged(rejecting)).toEqual({ policy: EMPTY_POLICY, problems: [], available: false });
    expect(await readManaged(fakeLocalArea())).toEqual({ policy: EMPTY_POLICY, problems: [], available: true });
  });

  it('reads a full valid policy, marking its sites as managed', async () => {
    const area = fakeLocalArea({
      disableAllSites: true,
      disableSync: true,
      disableNotes: false,
      disableUsage: true,
      customSites: [
        { domain: 'intranet.example', name: 'Intranet', lean: 'networking' },
        { domain: 'news.example', name: 'Company news', lean: 'media' },
      ],
    });
    const { policy, problems } = await readManaged(area);
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      disableAllSites: true,
      disableSync: true,
      disableNotes: false,
      disableUsage: true,
      customSites: [
        { domain: 'intranet.example', name: 'Intranet', lean: 'networking', managed: true },
        { domain: 'news.example', name: 'Company news', lean: 'media', managed: true },
      ],
    });
  });

  it('ignores and reports each invalid part, keeping the valid rest', () => {
    const { policy, problems } = parsePolicy({
      disableSync: 'yes',
      disableNotes: true,
      enableEverything: true,
      customSites: [
        { domain: 'ok.example', name: 'OK', lean: 'both' },
        { domain: 'https://bad.example', name: 'Bad', lean: 'media' },
        { domain: 'lean.example', name: 'Lean', lean: 'social' },
        { domain: 'name.example', name: '', lean: 'media' },
        { domain: 'ok.example', name: 'Twice', lean: 'media' },
        'junk',
      ],
    });
    expect(policy).toEqual({
      ...EMPTY_POLICY,
      disableNotes: true,
      customSites: [{ domain: 'ok.example', name: 'OK', lean: 'both', managed: true }],
    });
    expect(problems).toEqual([
      'enableEverything: not a policy of this extension',
      'disableSync: must be true or false',
      'customSites[1].domain: must be a registrable domain such as example.com',
      'customSites[2].lean: must be one of media, networking, both',
      'customSites[3].name: must be a name of 1 to 100 characters',
      'customSites[4].domain: repeats ok.example',
      'customSites[5]: must be an object',
    ]);
    expect(parsePolicy({ customSites: 'x' }).problems).toEqual(['customSites: must be a list']);
  });
});

describe('applying the policy', () => {
  it('only ever turns features off', () => {
    const settings = { ...DEFAULT_SETTINGS, sync: true, retentionDays: 30 };
    expect(effectiveSettings(settings, EMPTY_POLICY)).toEqual({
      sync: true,
      retentionDays: 30,
      notes: true,
      usage: true,
      disabledFeatures: [],
    });
    const all = { ...EMPTY_POLICY, disableAllSites: true, disableSync: true, disableNotes: true, disableUsage: true };
    expect(effectiveSettings(settings, all)).toEqual({
      sync: false,
      retentionDays: 30,
      notes: false,
      usage: false,
      disabledFeatures: ['allSites', 'sync', 'notes', 'usage'],
    });
    expect(effectiveSettings(DEFAULT_SETTINGS, { ...EMPTY_POLICY, disableSync: true }).sync).toBe(false);
  });

  it('merges managed custom sites before the user’s, and the user cannot remove them', async () => {
    const local = fakeLocalArea();
    await saveCustomSite(local, { domain: 'mine.example', name: 'Mine', lean: 'media' });
    await saveCustomSite(local, { domain: 'intranet.example', name: 'My name for it', lean: 'media' });
    const { policy } = parsePolicy({
      customSites: [{ domain: 'intranet.example', name: 'Intranet', lean: 'networking' }],
    });
    expect(mergeCustomSites(await listCustomSites(local), policy)).toEqual([
      { domain: 'intranet.example', name: 'Intranet', lean: 'networking', managed: true },
      { domain: 'mine.example', name: 'Mine', lean: 'media' },
    ]);
    await removeCustomSite(local, 'intranet.example');
    expect(mergeCustomSites(await listCustomSites(local), policy).map((s) => [s.domain, s.managed])).toEqual([
      ['intranet.example', true],
      ['mine.example', undefined],
    ]);
  });
});

/** The attributes Chrome's policy schema parser accepts per type; anything else stops the extension loading. */
const CHROME_ATTRIBUTES: Record<string, string[]> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: [
    'additionalProperties',
    'description',
    'id',
    'patternProperties',
    'properties',
    'required',
    'sensitiveValue',
    'title',
    'type',
  ],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
};

type Node = Record<string, unknown>;

function walk(node: Node, path: string, visit: (node: Node, path: string) => void): void {
  visit(node, path);
  for (const [key, child] of Object.entries((node.properties as Record<string, Node> | undefined) ?? {})) {
    walk(child, `${path}.${key}`, visit);
  }
  if (node.items) walk(node.items as Node, `${path}[]`, visit);
}

describe('managed_schema.json', () => {
  it('uses only what Chrome accepts', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    walk(schema as Node, '$', (node, path) => {
      const allowed = CHROME_ATTRIBUTES[node.type as string];
      expect(allowed, `${path} type`).toBeDefined();
      for (const key of Object.keys(node)) expect(allowed, `${path}.${key}`).toContain(key);
      // Chrome matches patterns with RE2, which has no look-around.
      if (typeof node.pattern === 'string') expect(node.pattern).not.toMatch(/\(\?[=!<]/);
    });
  });

  it('declares exactly the keys readManaged reads, with the same domain pattern and leans', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    const site = schema.properties.customSites.items;
    expect(site.properties.domain.pattern).toBe(DOMAIN_PATTERN);
    expect(site.properties.lean.enum).toEqual(LEANS);
    expect(site.required.sort()).toEqual(['domain', 'lean', 'name']);
  });
});
