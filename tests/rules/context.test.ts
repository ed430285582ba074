import { describe, expect, it } from 'vitest';
import { checkCase, describeCase, tagger, type Case } from '../helpers.js';

/*
 * Each context rule beside the positive it modifies: the same cue counted,
 * then discounted for the stated reason.
 */
const rows: { rule: string; cases: Case[] }[] = [
  {
    rule: 'forward negation',
    cases: [
      { text: 'Alcohol involved, S1 punched IP', yes: ['alcohol'] },
      { text: 'No alcohol involved, S1 punched IP', no: ['alcohol'] },
      { text: 'Nil intox, S1 punched IP', no: ['alcohol'] },
      { text: 'Not believed to be racially motivated', no: ['hate_race'] },
      { text: 'IP does not perceive it as homophobic', no: ['hate_sexual_orientation'] },
      { text: 'Not a domestic, dispute between neighbours', no: ['domestic'] },
    ],
  },
  {
    rule: 'backward negation',
    cases: [
      { text: 'Drink was involved in the fight', yes: ['alcohol'] },
      { text: 'Drink was not involved in the fight', no: ['alcohol'] },
      { text: 'Alcohol ruled out, S1 sober', no: ['alcohol'] },
    ],
  },
  {
    rule: 'pseudo-triggers do not negate',
    cases: [
      { text: 'No injuries, S1 was drunk', yes: ['alcohol'] },
      { text: 'Nil injuries. S1 drunk and abusive in the street', yes: ['alcohol', 'street_asb'] },
      { text: 'No further action, S1 had been drinking', yes: ['alcohol'] },
      { text: 'S1 is no longer in a relationship with IP and turned up at the address', yes: ['domestic'] },
    ],
  },
  {
    rule: 'negation stops at a clause break',
    cases: [
      { text: 'IP not injured but S1 was drunk', yes: ['alcohol'] },
      { text: 'IP was not drunk; S1 was drunk and abusive', yes: ['alcohol'] },
    ],
  },
  {
    rule: 'hypothetical, future and fear',
    cases: [
      { text: 'S1 came back drunk and smashed the window', yes: ['alcohol'] },
      { text: 'IP fears S1 will come back drunk', no: ['alcohol'] },
      { text: 'S1 threatened to come back drunk', no: ['alcohol'] },
      { text: 'If he drinks again she will call police', no: ['alcohol'] },
    ],
  },
  {
    rule: 'historic',
    cases: [
      { text: 'DV incident at the address, S1 pushed IP', yes: ['domestic'] },
      { text: 'Previous DV history. Today IP assaulted by a neighbour', no: ['domestic'] },
      { text: 'S1 has a history of drinking. Today sober, pushed a neighbour', no: ['alcohol'] },
    ],
  },
  {
    rule: 'drink as goods',
    cases: [
      { text: 'S1 smashed a bottle of vodka over the IP\'s head after drinking it', yes: ['alcohol'] },
      { text: 'S1 stole a bottle of vodka and left without paying', no: ['alcohol'] },
      { text: 'S1 shoplifted cans of lager from Tesco', no: ['alcohol'] },
    ],
  },
  {
    rule: 'drugs, not alcohol',
    cases: [
      { text: 'S1 heavily intoxicated and aggressive', yes: ['alcohol'] },
      { text: 'S1 heavily intoxicated on spice and aggressive', no: ['alcohol'] },
      { text: 'S1 drunk and had also taken cocaine', yes: ['alcohol'] },
    ],
  },
  {
    rule: 'indoors is not street ASB',
    cases: [
      { text: 'Drunk male shouting abuse at shoppers in the high street', yes: ['street_asb'] },
      { text: 'Drunk male shouting abuse at staff inside the store', no: ['street_asb'] },
      { text: 'Drunk male abusive at home', no: ['street_asb'] },
    ],
  },
  {
    rule: 'landmark and daytime weaken a venue',
    cases: [
      { text: 'Fight inside the Crown PH, S1 glassed IP', yes: ['nte'] },
      { text: 'Car damaged outside the Crown PH at 10:15', no: ['nte'] },
      { text: 'Fight outside the Crown PH at 01:15', yes: ['nte'] },
    ],
  },
];

describe.each(rows)('context: $rule', ({ cases }) => {
  it.each(cases.map((c) => [describeCase(c), c] as const))('%s', (_label, c) => checkCase(c));
});

describe('discounted cues are reported with their reason and trigger', () => {
  it('names the negation and the words that caused it', () => {
    const r = tagger().tag('No alcohol involved');
    const d = r.discounted.find((x) => x.tag === 'alcohol');
    expect(d).toMatchObject({ reason: 'negated', by: 'No', text: 'alcohol involved' });
  });
  it('names the goods context', () => {
    const r = tagger().tag('S1 stole a bottle of vodka');
    expect(r.discounted.find((x) => x.tag === 'alcohol')?.reason).toBe('as_goods');
  });
  it('names a missing hostility cue for a characteristic', () => {
    const r = tagger().tag('IP, a Polish national, was punched in the queue');
    expect(r.discounted.find((x) => x.tag === 'hate_race')?.reason).toBe('no_hostility');
  });
  it('a quoted slur is evidence, not discounted', () => {
    const r = tagger().tag('S1 shouted "f*ggot" at the IP');
    expect(r.evidence.some((e) => e.tag === 'hate_sexual_orientation' && e.text === 'f*ggot')).toBe(true);
  });
});
