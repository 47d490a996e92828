import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../src/cli/classify.ts');
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

function run(args: string[], input?: string) {
  const result = spawnSync(TSX, [CLI, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'ror-cli-'));
const invitations = join(tmp, 'invitations.html');
writeFileSync(
  invitations,
  '<html><body><main><ul><li role="listitem" componentkey="urn:li:invitation:1">Ana</li></ul></main></body></html>',
);

describe('classify command', { timeout: 30_000 }, () => {
  it('prints one JSON object with the contract fields, from the URL alone', () => {
    const { status, stdout, stderr } = run(['https://www.linkedin.com/mynetwork/']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(Object.keys(out).sort()).toEqual(['confidence', 'label', 'pageType', 'platform', 'reasons', 'url'].sort());
    expect(out).toMatchObject({
      url: 'https://www.linkedin.com/mynetwork/',
      label: 'networking',
      pageType: 'connections',
    });
    expect(out.platform).toEqual({ id: 'linkedin', name: 'LinkedIn', lean: 'networking' });
  });

  it('reads the page from a file and from standard input', () => {
    const fromFile = JSON.parse(run(['https://www.linkedin.com/', '--html', invitations]).stdout);
    expect(fromFile.reasons.map((r: { signal: string }) => r.signal)).toContain('linkedin.invitation-card');
    const fromStdin = JSON.parse(
      run(['https://www.linkedin.com/feed/', '--html', '-'], '<main role="feed"></main>').stdout,
    );
    expect(fromStdin.reasons.map((r: { signal: string }) => r.signal)).toContain('generic.feed');
  });

  it('labels pages of unknown sites as not social', () => {
    const out = JSON.parse(run(['https://news.example.org/world'], undefined).stdout);
    expect(out).toMatchObject({ label: 'none', platform: null });
  });

  it('rejects bad input with one line on standard error and status 2', () => {
    for (const args of [['not a url'], ['https://x.com/home', '--html', join(tmp, 'missing.html')], [], ['--bogus']]) {
      const { status, stdout, stderr } = run(args);
      expect(status, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('handles batches line by line, reporting bad lines and going on', () => {
    const lines = [
      JSON.stringify({ url: 'https://www.linkedin.com/messaging/' }),
      '{not json',
      JSON.stringify({ url: 'https://www.linkedin.com/', htmlFile: invitations }),
      JSON.stringify({ url: 'nope' }),
      JSON.stringify({ url: 'https://www.linkedin.com/feed/', html: '<div></div>' }),
      JSON.stringify({ url: 'https://www.linkedin.com/', htmlFile: join(tmp, 'missing.html') }),
    ];
    const { status, stdout, stderr } = run(['--batch'], `${lines.join('\n')}\n`);
    const out = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(out).toHaveLength(6);
    expect(out[0]).toMatchObject({ label: 'networking', pageType: 'messages' });
    expect(out[1].error).toMatch(/malformed/);
    expect(out[2]).toMatchObject({ pageType: 'connections' });
    expect(out[3].error).toMatch(/invalid URL/);
    expect(out[4]).toMatchObject({ label: 'media', pageType: 'feed' });
    expect(out[5].error).toMatch(/cannot read/);
    expect(stderr.trim().split('\n')).toHaveLength(3);
    expect(status).toBe(2);
  });
});
