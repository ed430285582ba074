import { describe, expect, it } from 'vitest';
import { tagger } from '../helpers.js';

/*
 * What was said about a group (src/rules/stance.ts): a hostile word counts
 * for the strand of the group it is said about, and the reason a seen word
 * does not count is carried on the discounted finding.
 */
const stanceOf = (text: string) => tagger().analyse(text).findings.filter((f) => f.family.endsWith('.stance'));

describe('stance: hostility said about a group', () => {
  it('pairs a threat with the group it is said about and carries the rule id', () => {
    const found = stanceOf('S1 SHOUTED "ALL YOU MUSLIMS SHOULD BE DEPORTED" AT IP').filter((x) => x.weight > 0);
    expect(new Set(found.map((x) => x.tag))).toEqual(new Set(['hate_religion']));
    expect(found.map((x) => x.rule)).toEqual(expect.arrayContaining(['stance.threat', 'stance.lumping']));
  });

  it('reads hostility only in what was said, not in the officer account', () => {
    expect(stanceOf('IP, a Muslim male, was attacked outside the shop by two males')).toEqual([]);
    expect(stanceOf('IP, a Polish national, was punched in the queue')).toEqual([]);
  });

  it('follows a pronoun back to the group named in the sentence before', () => {
    const [f] = stanceOf('S1 said there were too many Poles on the estate. Said they are all scum.');
    expect(f).toMatchObject({ tag: 'hate_race', rule: 'stance.dehumanisation', weight: 0.9 });
    expect(f!.note).toContain('refers back to "Poles"');
  });

  it('takes the group for hostile address from anywhere in the record', () => {
    const [f] = stanceOf('S1 approached the Sikh male at the bus stop. He then shouted "your kind are not welcome here"');
    expect(f).toMatchObject({ tag: 'hate_religion' });
    expect(f!.weight).toBeGreaterThan(0);
  });

  it('discounts counter-speech, negation and disavowal with their reason', () => {
    const reasons = (text: string) => [...new Set(stanceOf(text).map((f) => f.discount?.reason))];
    expect(reasons('IP said she was sick of hearing people say "Muslims are terrorists" and that it is a lie')).toEqual(['counter_speech']);
    expect(reasons('S1 STATES "I WOULD NEVER SAY TRANS PEOPLE ARE FREAKS, MY SISTER IS TRANS"')).toEqual(['disavowed']);
    expect(tagger().tag('S1 said "I do not hate gay people, I was angry about the parking"').tags).not.toContain('hate_sexual_orientation');
  });

  it('the record saying there was no hostility vetoes every stance finding', () => {
    const found = stanceOf('IP (wheelchair user) pushed by S1 over a parking space. No indication she is targeted because of her disability.');
    expect(found.every((f) => f.weight === 0)).toBe(true);
  });
});

describe('slurs: reclaimed use and other senses of the word', () => {
  const discountOf = (text: string, family: string) => tagger().analyse(text).findings.find((f) => f.family === family)?.discount?.reason;
  it('a slur used of oneself and friends is discounted as reclaimed', () => {
    expect(discountOf('IP DESCRIBED HERSELF AS A "PROUD DYKE" WHEN GIVING HER DETAILS', 'hate_sexual_orientation.homonym_slur')).toBe('reclaimed');
  });
  it('the everyday sense of a slur-like word is discounted as a homonym, its masked form is not', () => {
    expect(discountOf('S1 took two packs of faggots and a pork pie from the butcher counter', 'hate_sexual_orientation.homonym_slur')).toBe('slur_homonym');
    expect(discountOf('IP reported his Maine Coon cat stolen from the garden', 'hate_race.homonym_slur')).toBe('slur_homonym');
    expect(tagger().tag("S1 shouted 'dirty f*gs' at the couple outside the chip shop").tags).toContain('hate_sexual_orientation');
  });
  it('a slur family matches its plurals, inflected when the lexicon loads', () => {
    expect(tagger().tag('S1 SHOUTED "BATTY BOYS" AT IP AND HIS PARTNER IN THE PARK').tags).toContain('hate_sexual_orientation');
  });
});
