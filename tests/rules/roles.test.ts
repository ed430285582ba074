import { describe, expect, it } from 'vitest';
import { checkCase, describeCase, tagger, type Case } from '../helpers.js';

/**
 * A role case names the rule of lexicons/roles.json that must decide each of its
 * relationship cues, as "cue words:rule id" (the cues of the tags the case is about).
 */
type RoleCase = Case & { readonly rules: readonly string[] };

function checkRoleCase(c: RoleCase): void {
  checkCase(c);
  const tags = [...(c.yes ?? []), ...(c.no ?? [])];
  const decided = tagger()
    .analyse(c.text)
    .findings.filter((f) => f.rule && tags.includes(f.tag))
    .map((f) => `${f.text}:${f.rule}`);
  expect(decided).toEqual(c.rules);
}

/*
 * Each party-role rule with the linked case beside its wrong-party variant:
 * a relationship counts only when it links the victim and a suspect.
 */
const rows: { rule: string; cases: RoleCase[] }[] = [
  {
    rule: 'relative as the one who acted',
    cases: [
      { text: "IP's brother punched him", yes: ['familial'], rules: ['brother:role.subject_acts'] },
      { text: "IP's brother called police after an unknown male punched him", no: ['familial'], rules: ['brother:role.reporter_after'] },
      { text: 'Her ex-partner turned up and threatened her', yes: ['domestic'], rules: ['ex-partner:role.subject_acts'] },
      { text: 'Her ex-partner witnessed the assault by an unknown male', no: ['domestic'], rules: ['ex-partner:role.reporter_after'] },
    ],
  },
  {
    rule: 'relative as the one harmed by the suspect',
    cases: [
      { text: 'S1 punched his mother in the kitchen', yes: ['familial'], rules: ['mother:role.object_of_act'] },
      { text: 'Unknown male punched her boyfriend in the street', no: ['domestic'], rules: ['boyfriend:role.stranger'] },
    ],
  },
  {
    rule: 'relative named as the suspect',
    cases: [
      { text: "S1 is the IP's brother", yes: ['familial'], rules: ['brother:role.suspect_before'] },
      { text: 'S1 is the IP\'s ex boyfriend', yes: ['domestic'], rules: ['ex boyfriend:role.suspect_before'] },
      { text: "IP's brother was assaulted by S1, a stranger", no: ['familial'], rules: ['brother:role.harmed_by_another'] },
    ],
  },
  {
    rule: 'dispute between or with the relatives',
    cases: [
      { text: 'Argument between mother and son over money', yes: ['familial'], rules: ['mother and son:role.between'] },
      { text: 'Domestic with her b/f at the address', yes: ['domestic'], rules: ['b/f:role.dispute_with'] },
      { text: 'IP was out with her sister when a group of males attacked her', no: ['familial'], rules: ['sister:role.companion'] },
    ],
  },
  {
    rule: 'witness, caller and companion are not parties',
    cases: [
      { text: "IP's mother called police after an unknown male pushed him", no: ['familial'], rules: ['mother:role.reporter_after'] },
      { text: 'IP was walking with her boyfriend when an unknown male hit her', no: ['domestic'], rules: ['boyfriend:role.companion'] },
      { text: 'Caller is the IP\'s husband, reports she was assaulted by a stranger', no: ['domestic'], rules: ['husband:role.reporter_after'] },
    ],
  },
  {
    rule: "the relative's own act may come later in the clause when no one else is named in between",
    cases: [
      { text: 'RP reports her 15yr old son has come home drunk and is threatening her with a bottle', yes: ['familial'], rules: ['son:role.subject_acts'] },
      { text: 'IP walking home with her brother when a male grabbed her and punched him', no: ['familial'], rules: ['brother:role.companion'] },
      { text: "IP's cousin tried to pull the male off and was punched too", no: ['familial'], rules: ['cousin:role.stepped_in'] },
    ],
  },
  {
    rule: 'an act aimed at the relative, through "at" or "on"',
    cases: [
      { text: 'Male shouting and swearing at his elderly mum on the ramp', yes: ['familial'], rules: ['mum:role.object_of_act'] },
      { text: 'Custody note: DP arrested for assault on his mother', yes: ['familial'], rules: ['mother:role.object_of_act'] },
    ],
  },
  {
    rule: 'a relative joined by "and" to a partner or relative the act was done to',
    cases: [
      { text: 'Husband hit wife and then her mum when she tried to intervene, both IPs treated at scene', yes: ['familial'], rules: ['mum:role.conjunct_object'] },
      { text: 'Unknown male assaulted IP and her brother in the street', no: ['familial'], rules: ['brother:role.companion'] },
    ],
  },
  {
    rule: 'a relative named as the victim',
    cases: [
      { text: 'S1 has sent IP (his sister) a video of himself holding a machete', yes: ['familial'], rules: ['sister:role.victim_apposition'] },
      { text: 'Son TWOCd mums car again, words of advice', yes: ['familial'], rules: ['Son:role.subject_acts', 'mums:role.object_of_act'] },
    ],
  },
  {
    rule: 'relatives named together: a row between them, or acting together on someone else',
    cases: [
      { text: 'Two sisters thrown out of the club for fighting each other on the dancefloor', yes: ['familial'], rules: ['sisters:role.named_together_dispute'] },
      { text: 'Two brothers assaulted a male outside the Tesco Express, both shouting abuse', no: ['familial'], rules: ['brothers:role.acted_together'] },
      { text: 'Neighbours at no 14, a married couple, have been shouting abuse at the caller over the fence', no: ['domestic'], rules: ['couple:role.acted_together'] },
      { text: 'Husband and wife both assaulted by their adult son after he came home from the club', yes: ['familial'], no: ['domestic'], rules: ['Husband:role.harmed_by_another', 'wife:role.harmed_by_another', 'adult son:role.passive_agent'] },
    ],
  },
  {
    rule: 'a relative in an "of" chain names whose partner or relative is meant',
    cases: [
      { text: "S1 (boyfriend of IP's sister) threw punches at IP in the back garden", no: ['domestic', 'familial'], rules: ['boyfriend:role.of_relative_after', 'sister:role.of_relative_before'] },
      { text: 'S1 is the brother of the victim and punched her', yes: ['familial'], rules: ['brother:role.suspect_before'] },
    ],
  },
  {
    rule: 'a relative who stepped in and was then harmed',
    cases: [
      { text: 'S1 punched his wife in the mouth and when her mother tried to stop him he shoved her into the radiator', yes: ['familial'], rules: ['mother:role.stepped_in_harmed'] },
      { text: 'Unknown male punched IP, her brother tried to stop him and was not hurt', no: ['familial'], rules: ['brother:role.stepped_in'] },
    ],
  },
  {
    rule: 'a relative harmed by someone else, or a relative of nobody in the incident',
    cases: [
      { text: 'Caller states her sister has been assaulted by her boyfriend in his car', yes: ['domestic'], no: ['familial'], rules: ['sister:role.harmed_by_another', 'boyfriend:role.passive_agent'] },
      { text: 'RP reports her 17yo son has been threatened by a gang on the estate', no: ['familial'], rules: ['son:role.harmed_by_another'] },
      { text: 'Male drinking on the train, when a mum asked him to stop swearing he told her to shut it', no: ['familial'], rules: ['mum:role.indefinite'] },
      { text: 'IP was assaulted by her son at the address', yes: ['familial'], rules: ['son:role.passive_agent'] },
    ],
  },
  {
    rule: 'family words used for non-relatives',
    cases: [
      { text: 'S1 said "cheers my brother" and then headbutted the IP', no: ['familial'], rules: ['brother:role.form_of_address'] },
      { text: 'Damage to the sister store of the shop', no: ['familial'], rules: [] },
    ],
  },
];

describe.each(rows)('roles: $rule', ({ cases }) => {
  it.each(cases.map((c) => [describeCase(c), c] as const))('%s', (_label, c) => checkRoleCase(c));
});

describe('role decisions are explained', () => {
  it('a wrong-party relative is discounted with the reason', () => {
    const d = tagger().tag("IP's mother called police").discounted.find((x) => x.tag === 'familial');
    expect(d).toMatchObject({ reason: 'wrong_party', text: 'mother', by: 'relative reported or witnessed it (role.reporter_after)' });
  });
  it('a linked relative says how it was linked', () => {
    const e = tagger().tag("S1 is the IP's brother").evidence.find((x) => x.tag === 'familial');
    expect(e?.note).toBe('relative is named as the suspect (role.suspect_before)');
  });
  it.each([
    ["Caller rang back. Son had been drinking, he's grabbed her by the throat.", 'relative is the one who acted (named by a pronoun) (role.pronoun_acts)'],
    // The nearest person "he" can stand for is the male, not the son.
    ['Her son was at home when a male came to the door. He punched her in the face.', 'relationship not linked to victim and suspect (role.unclear)'],
    // "She" is the daughter, but she only speaks; the act is the ex-partner's.
    ['Her daughter was at home. She said her ex-partner had punched her.', 'relationship not linked to victim and suspect (role.unclear)'],
  ])('a pronoun that acts goes back to the nearest person it can stand for: %s', (text, note) => {
    expect(tagger().tag(text).evidence.find((x) => x.tag === 'familial')?.note).toBe(note);
  });
  it('DV between relatives yields to familial and says so', () => {
    const r = tagger().tag('DV between mother and son, son pushed her');
    expect(r.discounted.find((x) => x.tag === 'domestic')?.reason).toBe('yields_to_familial');
  });
});
