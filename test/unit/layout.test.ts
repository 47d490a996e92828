import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/corpus';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('layout', () => {
  it('no source or script file is over 400 lines', () => {
    const long = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'scripts'))]
      .map((file) => [relative(ROOT, file), readFileSync(file, 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });

  it('scripts import nothing from test/ (what both need lives in scripts/lib)', () => {
    const offenders = files(join(ROOT, 'scripts')).filter((file) =>
      /from '(\.\.\/)+test\//.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('test doubles live under test/, not in the extension', () => {
    const doubles = files(join(ROOT, 'src')).filter((file) => /fake|mock|stub/i.test(relative(ROOT, file)));
    expect(doubles).toEqual([]);
  });
});
