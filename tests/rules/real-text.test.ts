import { describe, expect, it } from 'vitest';
import { checkCase, describeCase, tagger, type Case } from '../helpers.js';

/*
 * Rules written from the leave-one-source-out errors on real records
 * (npm run cv -- --by-source --errors FILE), each beside the case it must
 * keep: a fix that silenced the positive as well would fail here.
 */
const rows: { rule: string; cases: Case[] }[] = [
  {
    rule: 'a relative the role rules cannot link is background, not familial, on its own',
    cases: [
      { text: 'Mother left hospital with child without proper release forms', no: ['familial'] },
      { text: 'Relative requested well-being check of individual / All was well', no: ['familial'] },
      { text: 'S1 is the IP\'s brother, pushed him over', yes: ['familial'] },
      { text: 'Her brother punched her in the face at home', yes: ['familial'] },
    ],
  },
  {
    rule: 'drink driving is not drunk behaviour in a public place',
    cases: [
      { text: 'A drunken driver was charged with killing a pedestrian crossing the street', no: ['street_asb'], yes: ['alcohol'] },
      { text: 'Driving under the influence of alcohol, crashed into a parked car on the high street', no: ['street_asb'] },
      { text: 'Drunk male swearing at families in the park', yes: ['street_asb'] },
    ],
  },
  {
    rule: 'DA as the District Attorney is not domestic abuse',
    cases: [
      { text: "The DA's Office announced that the defendant was sentenced for the robbery", no: ['domestic'] },
      { text: 'Deputy DA Smith prosecuted the assault case', no: ['domestic'] },
      { text: 'DA incident, IP assaulted at home, DASH completed', yes: ['domestic'] },
    ],
  },
  {
    rule: 'the legal bar and Diamond Bar are not venues',
    cases: [
      { text: 'She was admitted to the State Bar and joined the Orange County Bar Association', no: ['nte'] },
      { text: 'A Diamond Bar man was charged with assault', no: ['nte'] },
      { text: 'Fight inside the bar, IP struck with a glass', yes: ['nte'] },
    ],
  },
];

describe.each(rows)('$rule', ({ cases }) => {
  it.each(cases.map((c) => [describeCase(c), c] as const))('%s', (_name, c) => checkCase(c));
});

it('says why a drink-driving cue did not count for street_asb', () => {
  const r = tagger().tag('A drunken driver was charged with killing a pedestrian crossing the street');
  expect(r.discounted).toContainEqual(expect.objectContaining({ tag: 'street_asb', reason: 'drink_driving' }));
});
