import { compilePattern, tokenMatches, type TokenSpec } from './pattern.js';
import { CORE_CLASSES, PREDICATES, onlyBetween, anyBetween, type Args, type CoreWords, type CueView, type Test } from './role-predicates.js';
import type { MentionWords } from './mentions.js';
import type { RoleCondition, RoleLexicon } from './schema.js';
import { some } from './span-index.js';

/*
 * lexicons/roles.json compiled: word classes as sets, conditions as tests. Every
 * id the file or the code names (a support family, a class, a predicate, a named
 * condition) is checked here, so a renamed id stops the tagger at start-up with
 * the file and the id instead of silently never matching.
 */
export type RoleLink = 'linked' | 'wrong_party' | 'unclear';

export interface CompiledRoleRule {
  readonly id: string;
  readonly link: RoleLink;
  readonly why: string;
  readonly when: readonly Test[];
  readonly unless: readonly Test[];
}

export interface RoleRules {
  readonly rules: readonly CompiledRoleRule[];
  readonly words: CoreWords;
  readonly mentionWords: MentionWords;
  /** Support families the rules read, for the load-time check of support.json. */
  readonly families: ReadonlySet<string>;
}

type WordSpec = TokenSpec & { kind: 'word' };

export function compileRoleRules(lex: RoleLexicon, supportFamilies: ReadonlySet<string>, where: string): RoleRules {
  const fail = (msg: string): never => {
    throw new Error(`motag: ${where}: ${msg}`);
  };

  // Word classes, with "@other" standing for every word of another class.
  const defs = new Map<string, readonly string[]>();
  for (const c of lex.classes) {
    if (defs.has(c.id)) fail(`class "${c.id}" is defined twice`);
    defs.set(c.id, c.words);
  }
  const classes = new Map<string, ReadonlySet<string>>();
  const resolving = new Set<string>();
  const wordClass = (id: string, by: string): ReadonlySet<string> => {
    const done = classes.get(id);
    if (done) return done;
    const words = defs.get(id) ?? fail(`${by} names unknown word class "${id}"`);
    if (resolving.has(id)) fail(`word class "${id}" includes itself`);
    resolving.add(id);
    const out = new Set<string>();
    for (const w of words) for (const x of w.startsWith('@') ? wordClass(w.slice(1), `class "${id}"`) : [w]) out.add(x);
    resolving.delete(id);
    classes.set(id, out);
    return out;
  };
  for (const c of lex.classes) wordClass(c.id, `class "${c.id}"`);
  const core = (id: string): ReadonlySet<string> => wordClass(id, 'the role code');
  const words: CoreWords = { describing: core(CORE_CLASSES.describing), party: core(CORE_CLASSES.party), newSubject: core(CORE_CLASSES.newSubject), passiveAux: core(CORE_CLASSES.passiveAux) };
  const mentionWords: MentionWords = { auxiliaries: core(CORE_CLASSES.auxiliaries), passiveAux: words.passiveAux, phraseEnd: core(CORE_CLASSES.phraseEnd) };

  const families = new Set<string>();
  const family = (id: string, by: string): string => {
    if (!supportFamilies.has(id)) fail(`${by} names unknown support family "${id}"`);
    families.add(id);
    return id;
  };

  /** A phrase of single-token positions, "@class" expanded (no "..." gaps: these phrases sit right next to the cue). */
  const phrase = (source: string, by: string): WordSpec[] => {
    const specs = compilePattern(source).specs.map((s): WordSpec => {
      if (s.kind !== 'word') return fail(`${by}: phrase "${source}" cannot have a gap here`);
      const out = new Set<string>();
      for (const w of s.words) for (const x of w.startsWith('@') ? wordClass(w.slice(1), `${by} ("${source}")`) : [w]) out.add(x);
      return { kind: 'word', words: out, prefixes: s.prefixes };
    });
    return specs;
  };
  /** The phrase ends at token `end`. Like the rules it replaced, it reads the words whatever the sentence. */
  const endsAt = (specs: readonly WordSpec[], v: CueView, end: number): boolean =>
    specs.every((s, j) => {
      const t = v.tokens[end - (specs.length - 1 - j)];
      return t !== undefined && tokenMatches(s, t.norm);
    });

  const named = new Map<string, Test>();
  const naming = new Set<string>();
  const condition = (c: RoleCondition, by: string): Test => {
    if ('ref' in c) {
      const done = named.get(c.ref);
      if (done) return done;
      const def = lex.conditions[c.ref] ?? fail(`${by} names unknown condition "${c.ref}"`);
      if (naming.has(c.ref)) fail(`condition "${c.ref}" refers to itself`);
      naming.add(c.ref);
      const test = condition(def, `condition "${c.ref}"`);
      naming.delete(c.ref);
      named.set(c.ref, test);
      return test;
    }
    if ('any' in c) {
      const tests = c.any.map((x) => condition(x, by));
      return (v) => tests.some((t) => t(v));
    }
    if ('near' in c) {
      const id = family(c.near, by);
      const within = c.within;
      const only = c.only === undefined ? null : wordClass(c.only, by);
      const none = c.none === undefined ? null : wordClass(c.none, by);
      return (v) => {
        const { cue } = v;
        const index = v.record.family(id);
        const candidates = c.side === 'before' ? index.endingIn(cue.first - within, cue.first - 1) : index.startingIn(cue.last + 1, cue.last + within);
        return some(candidates, (m) => {
          if (v.tokens[m.first]!.sentence !== v.sentence) return false;
          const [from, to] = c.side === 'before' ? [m.last, cue.first] : [cue.last, m.first];
          return (only === null || onlyBetween(v, from, to, only)) && (none === null || !anyBetween(v, from, to, none));
        });
      };
    }
    if ('in_sentence' in c) {
      const id = family(c.in_sentence, by);
      return (v) => v.record.sentencesWhere(id, () => v.record.matches(id).map((m) => v.tokens[m.first]!.sentence)).has(v.sentence);
    }
    if ('before' in c) {
      const specs = phrase(c.before, by);
      return (v) => endsAt(specs, v, v.cue.first - 1);
    }
    if ('lead' in c) {
      const specs = phrase(c.lead, by);
      return (v) => endsAt(specs, v, v.lead);
    }
    if ('sentence_has' in c) {
      const phrases = c.sentence_has.map((p) => phrase(p, by));
      const key = {};
      return (v) =>
        v.record
          .sentencesWhere(key, function* () {
            for (let i = 0; i < v.tokens.length; i++) {
              v.record.meter.steps++;
              const specs = phrases.find((p) => p.every((s, j) => v.tokens[i + j] !== undefined && tokenMatches(s, v.tokens[i + j]!.norm)));
              if (specs) yield v.tokens[i]!.sentence;
            }
          })
          .has(v.sentence);
    }
    const predicate = PREDICATES[c.test] ?? fail(`${by} names unknown predicate "${c.test}"`);
    const given = c.with ?? {};
    const args: Record<string, Args[string]> = {};
    for (const [name, kind] of Object.entries(predicate.args)) {
      const value = given[name] ?? fail(`${by}: predicate "${c.test}" needs "${name}"`);
      if (kind === 'number') args[name] = typeof value === 'number' ? value : fail(`${by}: "${name}" of "${c.test}" must be a number`);
      else if (typeof value !== 'string') fail(`${by}: "${name}" of "${c.test}" must name a ${kind === 'class' ? 'word class' : 'support family'}`);
      else args[name] = kind === 'class' ? wordClass(value, by) : family(value, by);
    }
    for (const name of Object.keys(given)) if (!(name in predicate.args)) fail(`${by}: predicate "${c.test}" takes no "${name}"`);
    return predicate.make(args);
  };

  const ids = new Set<string>();
  const rules = lex.rules.map((r): CompiledRoleRule => {
    if (ids.has(r.id)) fail(`rule id "${r.id}" is used twice`);
    ids.add(r.id);
    const by = `rule "${r.id}"`;
    return { id: r.id, link: r.link, why: r.why, when: r.when.map((c) => condition(c, by)), unless: (r.unless ?? []).map((c) => condition(c, by)) };
  });
  for (const id of Object.keys(lex.conditions)) if (!named.has(id)) condition({ ref: id }, `condition "${id}"`);
  const last = rules[rules.length - 1]!;
  if (last.when.length > 0 || last.unless.length > 0) fail(`the last rule ("${last.id}") must have no conditions, so every relationship gets a decision`);
  return { rules, words, mentionWords, families };
}
