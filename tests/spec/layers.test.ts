import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';

/*
 * The import graph of src/ against the layer list in README.md ("How it
 * works" > "Layers"). The list is read from the README, so the document and
 * the check cannot drift apart.
 */

const ROOT_FILES = 'src/*.ts';

/** The layers, lowest first: each a list of folders ("src/text/") or "src/*.ts". */
export function parseLayers(readme: string): string[][] {
  const start = readme.indexOf('\n### Layers\n');
  if (start < 0) throw new Error('README.md has no "### Layers" section');
  const body = readme.slice(start + 1).split('\n').slice(1);
  const end = body.findIndex((l) => l.startsWith('#'));
  const layers: string[][] = [];
  for (const line of end < 0 ? body : body.slice(0, end)) {
    const m = /^(\d+)\. (.*?) — /.exec(line);
    if (!m) continue;
    if (Number(m[1]) !== layers.length + 1) throw new Error(`README.md layer list is out of order at "${line}"`);
    const folders = [...m[2]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!);
    if (folders.length === 0) throw new Error(`README.md layer ${m[1]} names no folder`);
    layers.push(folders);
  }
  return layers;
}

/** The folder a source file belongs to, as the README names it. */
export function folderOf(srcRelative: string): string {
  const parts = srcRelative.split('/');
  return parts.length === 1 ? ROOT_FILES : `src/${parts[0]}/`;
}

/** Relative module specifiers of a file: static imports, re-exports, side-effect and dynamic imports. */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const p of patterns) for (const m of source.matchAll(p)) if (m[1]!.startsWith('.')) out.push(m[1]!);
  return out;
}

export interface Edge {
  readonly from: string;
  readonly to: string;
}

/** Imports that go sideways or upwards: from a folder to one on its own layer or a higher one. */
export function violations(edges: readonly Edge[], layers: readonly string[][]): string[] {
  const rank = new Map<string, number>();
  layers.forEach((folders, i) => folders.forEach((f) => rank.set(f, i)));
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b) continue;
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra === undefined) out.push(`${from}: folder ${a} is not in the README's layer list`);
    else if (rb === undefined) out.push(`${from} imports ${to}: folder ${b} is not in the README's layer list`);
    else if (rb >= ra) out.push(`${from} (layer ${ra + 1}) imports ${to} (layer ${rb + 1})`);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const SRC = join(PACKAGE_ROOT, 'src');

function importGraph(): { edges: Edge[]; unresolved: string[] } {
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (!existsSync(target)) unresolved.push(`${from} imports ${spec}`);
      else edges.push({ from, to: relative(SRC, target) });
    }
  }
  return { edges, unresolved };
}

describe('layers', () => {
  const layers = parseLayers(readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8'));
  const { edges, unresolved } = importGraph();

  it('names every folder of src/ exactly once, and only folders that exist', () => {
    const listed = layers.flat();
    expect(new Set(listed).size, 'a folder is listed twice').toBe(listed.length);
    const actual = new Set(sourceFiles(SRC).map((f) => folderOf(relative(SRC, f))));
    expect([...actual].sort()).toEqual([...listed].sort());
  });

  it('finds the imports it checks', () => {
    expect(unresolved).toEqual([]);
    // Known imports, one of them written over several lines: a parser that misses imports fails here.
    const has = (from: string, to: string): boolean => edges.some((e) => e.from === from && e.to === to);
    expect(has('tagger/tagger.ts', 'model/features.ts')).toBe(true);
    expect(has('server/app.ts', 'review/routes.ts')).toBe(true);
    expect(has('rules/ruleset.ts', 'rules/matcher.ts')).toBe(true);
    expect(edges.length).toBeGreaterThan(200);
  });

  it('has no import from a lower layer into a higher one, nor between folders of one layer', () => {
    expect(violations(edges, layers)).toEqual([]);
  });
});

describe('the layer check itself', () => {
  const layers = [[ROOT_FILES], ['src/text/'], ['src/rules/', 'src/corpus/'], ['src/tagger/']];

  it('reads the README list format', () => {
    const readme = '## How it works\n\n### Layers\n\nintro\n\n1. `src/*.ts` — base\n2. `src/text/`, `src/rules/` — two\n\n### Next\n3. `src/x/` — not a layer\n';
    expect(parseLayers(readme)).toEqual([[ROOT_FILES], ['src/text/', 'src/rules/']]);
  });

  it('finds static, multi-line, re-export, side-effect and dynamic imports, and skips packages', () => {
    const src = "import { a } from './a.js';\nimport {\n  b,\n  c,\n} from '../b/c.js';\nexport { d } from './d.js';\nimport './e.js';\nconst f = await import('../f.js');\nimport { z } from 'zod';\n";
    expect(importsOf(src).sort()).toEqual(['../b/c.js', '../f.js', './a.js', './d.js', './e.js']);
  });

  it('flags an upward import, a sideways one, and an unlisted folder; allows downward and same-folder ones', () => {
    const edges: Edge[] = [
      { from: 'tagger/tagger.ts', to: 'rules/engine.ts' },
      { from: 'rules/engine.ts', to: 'rules/analyse.ts' },
      { from: 'text/tokenise.ts', to: 'tags.ts' },
      { from: 'rules/engine.ts', to: 'tagger/result.ts' },
      { from: 'corpus/store.ts', to: 'rules/engine.ts' },
      { from: 'web/page.ts', to: 'tags.ts' },
    ];
    expect(violations(edges, layers)).toEqual([
      'rules/engine.ts (layer 3) imports tagger/result.ts (layer 4)',
      'corpus/store.ts (layer 3) imports rules/engine.ts (layer 3)',
      'web/page.ts: folder src/web/ is not in the README\'s layer list',
    ]);
  });
});
