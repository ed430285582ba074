import { describe, expect, it } from 'vitest';
import { LEXICON_DIR } from '../../src/paths.js';
import { loadTextResources } from '../../src/text/resources.js';
import { DAY_TIME, NIGHT_TIME, OTHER_TIME, classifyTime } from '../../src/text/times.js';
import { tokenise } from '../../src/text/tokenise.js';

const res = loadTextResources(LEXICON_DIR);
const norms = (text: string): string[] => tokenise(text, res).tokens.map((t) => t.norm);
const tokens = (text: string) => tokenise(text, res).tokens;

describe('tokenise', () => {
  it('keeps offsets into the original text for every token, expanded or not', () => {
    const text = 'Café owner “racially abused” by S1 — O/S the P/H 😡 IP’s B/F';
    const { tokens } = tokenise(text, res);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBe(t.end - t.start);
    const bf = tokens.find((t) => t.norm === 'boyfriend')!;
    expect(text.slice(bf.start, bf.end)).toBe('B/F');
    const pub = tokens.find((t) => t.norm === 'pub')!;
    expect(text.slice(pub.start, pub.end)).toBe('P/H');
  });

  it('expands police shorthand to the words lexicons use', () => {
    expect(norms('IP1 O/S PH, S1 INTOX, EX-P N/K')).toEqual(['victim', 'outside', 'pub', 'suspect', 'intoxicated', 'ex', 'partner', 'not', 'known']);
  });

  it('splits possessives and negative contractions', () => {
    expect(norms("IP's mum didn't call")).toEqual(['victim', "'s", 'mother', 'did', 'not', 'call']);
    expect(norms('COMPS VEH')).toEqual(['victim', "'s", 'veh']);
  });

  it("reads an apostrophe after a plural -s as a possessive, and a quote's closing mark as a quote", () => {
    expect(norms("the kids' dad")).toEqual(['the', 'kids', "'s", 'father']);
    expect(tokens("called them 'pakis' and left").map((t) => t.quoted)).toEqual([false, false, true, false, false]);
  });

  it('corrects known misspellings and lower-cases', () => {
    expect(norms('INTOXICTED and ASAULTED his GIRFRIEND')).toEqual(['intoxicated', 'and', 'assaulted', 'his', 'girlfriend']);
  });

  it('splits compounds that are not shorthand into their parts', () => {
    expect(norms('ex-partner drink-drive pub/club')).toEqual(['ex', 'partner', 'drink', 'drive', 'pub', 'club']);
  });

  it('keeps masked slurs as one token', () => {
    expect(norms('called him a p*ki')).toContain('p*ki');
  });

  it('breaks sentences at full stops and the " / " of police logs, clauses at ";" and "but"', () => {
    const { tokens } = tokenise('Male arrested / Refused treatment. No injuries; drunk but calm', res);
    const sentenceOf = (w: string) => tokens.find((t) => t.norm === w)!.sentence;
    const clauseOf = (w: string) => tokens.find((t) => t.norm === w)!.clause;
    expect(sentenceOf('arrested')).toBeLessThan(sentenceOf('refused'));
    expect(sentenceOf('refused')).toBeLessThan(sentenceOf('injuries'));
    expect(clauseOf('injuries')).toBeLessThan(clauseOf('drunk'));
    expect(clauseOf('drunk')).toBeLessThan(clauseOf('calm'));
  });

  it('marks quoted speech', () => {
    const { tokens } = tokenise('S1 shouted "go home" at IP', res);
    expect(tokens.filter((t) => t.quoted).map((t) => t.norm)).toEqual(['go', 'home']);
  });

  it('turns clock times into night and day classes', () => {
    expect(norms('at 02:30 and 14:00')).toEqual(['at', NIGHT_TIME, 'and', DAY_TIME]);
  });
});

describe('classifyTime', () => {
  it.each([
    ['02:30', NIGHT_TIME],
    ['23:45hrs', NIGHT_TIME],
    ['0230hrs', NIGHT_TIME],
    ['2am', NIGHT_TIME],
    ['11.30pm', NIGHT_TIME],
    ['11:00', DAY_TIME],
    ['3pm', DAY_TIME],
    ['2:30', OTHER_TIME],
    ['19:30', OTHER_TIME],
    ['25:00', OTHER_TIME],
  ])('%s -> %s', (raw, expected) => expect(classifyTime(raw)).toBe(expected));
});

describe('abbreviations in prose', () => {
  const res = loadTextResources(LEXICON_DIR);
  const sentenceOf = (text: string, w: string) => tokenise(text, res).tokens.find((t) => t.norm === w)!.sentence;
  it.each([
    ['Officers went to the bar on State St. after a fight was reported', 'state', 'fight'],
    ['Dr. Smith said the victim was struck at the tavern', 'smith', 'tavern'],
    ['The U.S. Attorney said he assaulted his wife', 'attorney', 'wife'],
    ['At 1:45 a.m. the suspect punched a bouncer', 'suspect', 'bouncer'],
  ])('"%s" stays one sentence', (text, a, b) => {
    expect(sentenceOf(text, a)).toBe(sentenceOf(text, b));
  });
  it('a full stop after an ordinary word still ends the sentence, and "no." is not an abbreviation', () => {
    expect(sentenceOf('He said no. She was drunk', 'no')).toBeLessThan(sentenceOf('He said no. She was drunk', 'drunk'));
    expect(sentenceOf('He left the bar. Later he hit her', 'bar')).toBeLessThan(sentenceOf('He left the bar. Later he hit her', 'hit'));
  });
});
