import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/corpus';

/**
 * An export nothing imports is dead code or a name that should stay private to its file. The module records of
 * Vite's own parser (oxc: every static import, re-export and dynamic import, type-only ones included) give what
 * each file of the project (src, test, scripts, the Vite configs) takes from which other file; a name counts as
 * used when any other file imports it, tests included.
 */

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative specifiers as the Bundler resolution of tsconfig.json finds them; packages are not the project's. */
function resolveSpecifier(specifier: string, from: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null;
}

interface Parsed {
  file: string;
  exports: string[];
  /** Target file → the names taken from it ('*' for the whole module). */
  takes: Array<[string, string]>;
}

function parseFile(file: string): Parsed {
  const code = readFileSync(file, 'utf8');
  const { module } = parseSync(file, code);
  const takes: Array<[string, string]> = [];
  const take = (specifier: string, name: string) => {
    const target = resolveSpecifier(specifier, file);
    if (target) takes.push([target, name]);
  };
  for (const imp of module.staticImports) {
    for (const entry of imp.entries) {
      const { kind, name } = entry.importName;
      take(imp.moduleRequest.value, kind === 'Name' ? (name as string) : kind === 'Default' ? 'default' : '*');
    }
  }
  const exports: string[] = [];
  for (const exp of module.staticExports) {
    for (const entry of exp.entries) {
      if (entry.moduleRequest) {
        take(entry.moduleRequest.value, entry.importName.kind === 'Name' ? (entry.importName.name as string) : '*');
        if (entry.exportName.kind === 'Name') exports.push(entry.exportName.name as string);
      } else if (entry.exportName.kind === 'Name') exports.push(entry.exportName.name as string);
      else if (entry.exportName.kind === 'Default') exports.push('default');
    }
  }
  for (const dyn of module.dynamicImports) {
    const literal = /^(['"`])([^'"`]+)\1$/.exec(code.slice(dyn.moduleRequest.start, dyn.moduleRequest.end));
    if (literal) take(literal[2] as string, '*');
  }
  // Type positions (`import('./x').Name`) and Vitest's module mocks are not in the module record.
  for (const [, specifier, name] of code.matchAll(/\bimport\(\s*'([^']+)'\s*\)\.(\w+)/g)) {
    take(specifier as string, name as string);
  }
  for (const [, specifier] of code.matchAll(/\bvi\.(?:mock|doMock|importActual)\(\s*'([^']+)'/g)) {
    take(specifier as string, '*');
  }
  return { file, exports, takes };
}

/** Exports of the files under `checked` that no other of `all` imports, as `path: name` relative to `root`. */
function unusedExports(root: string, all: string[], checked: string): string[] {
  const everything = all.map(parseFile);
  const used = new Map<string, Set<string>>();
  for (const { file, takes } of everything) {
    for (const [target, name] of takes) {
      if (target === file) continue;
      used.set(target, (used.get(target) ?? new Set()).add(name));
    }
  }
  return everything
    .filter(({ file }) => relative(root, file).startsWith(`${checked}/`))
    .flatMap(({ file, exports }) => {
      const taken = used.get(file) ?? new Set<string>();
      if (taken.has('*')) return [];
      return exports.filter((name) => !taken.has(name)).map((name) => `${relative(root, file)}: ${name}`);
    });
}

describe('exports', () => {
  it('finds an export nothing imports, and counts every way of importing one', () => {
    const root = mkdtempSync(join(tmpdir(), 'exports-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
      return join(root, path);
    };
    const all = [
      write(
        'src/a.ts',
        'export const used = 1;\nexport type Typed = 1;\nexport function alone() {}\nexport const selfOnly = 2;\n' +
          'const local = 3;\nexport { local as renamed };\nexport default used;\nexport const reexported = 4;\n' +
          'export interface InTypePosition {}\nconsole.log(selfOnly);\n',
      ),
      write('src/dir/index.ts', 'export const viaIndex = 1;\nexport const notTaken = 2;\n'),
      write('src/whole.ts', 'export const anything = 1;\n'),
      write('src/b.tsx', "import d, { used, type Typed } from './a';\nexport { reexported } from './a';\n"),
      write('src/c.ts', "import { viaIndex } from './dir';\nconst w = import('./whole');\n"),
      write('test/t.ts', "import { renamed } from '../src/a';\nlet x: import('../src/a').InTypePosition;\n"),
    ];
    expect(unusedExports(root, all, 'src').sort()).toEqual([
      'src/a.ts: alone',
      'src/a.ts: selfOnly',
      'src/b.tsx: reexported',
      'src/dir/index.ts: notTaken',
    ]);
    rmSync(root, { recursive: true });
  });

  it('every export of src/ is imported by another file (else it is dead, or private to its file)', () => {
    const all = [
      ...['src', 'test', 'scripts'].flatMap((dir) => files(join(ROOT, dir))),
      join(ROOT, 'vite.config.ts'),
      join(ROOT, 'vitest.config.ts'),
    ];
    expect(unusedExports(ROOT, all, 'src')).toEqual([]);
  });
});
