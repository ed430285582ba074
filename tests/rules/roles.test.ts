import { describe, expect, it } from 'vitest';
import { checkCase, describeCase, tagger, type Case } from '../helpers.js';

/*
 * Each party-role rule with the linked case beside its wrong-party variant:
 * a relationship counts only when it links the victim and a suspect.
 */
const rows: { rule: string; cases: Case[] }[] = [
  {
    rule: 'relative as the one who acted',
    cases: [
      { text: "IP's brother punched him", yes: ['familial'] },
      { text: "IP's brother called police after an unknown male punched him", no: ['familial'] },
      { text: 'Her ex-partner turned up and threatened her', yes: ['domestic'] },
      { text: 'Her ex-partner witnessed the assault by an unknown male', no: ['domestic'] },
    ],
  },
  {
    rule: 'relative as the one harmed by the suspect',
    cases: [
      { text: 'S1 punched his mother in the kitchen', yes: ['familial'] },
      { text: 'Unknown male punched her boyfriend in the street', no: ['domestic'] },
    ],
  },
  {
    rule: 'relative named as the suspect',
    cases: [
      { text: "S1 is the IP's brother", yes: ['familial'] },
      { text: 'S1 is the IP\'s ex boyfriend', yes: ['domestic'] },
      { text: "IP's brother was assaulted by S1, a stranger", no: ['familial'] },
    ],
  },
  {
    rule: 'dispute between or with the relatives',
    cases: [
      { text: 'Argument between mother and son over money', yes: ['familial'] },
      { text: 'Domestic with her b/f at the address', yes: ['domestic'] },
      { text: 'IP was out with her sister when a group of males attacked her', no: ['familial'] },
    ],
  },
  {
    rule: 'witness, caller and companion are not parties',
    cases: [
      { text: "IP's mother called police after an unknown male pushed him", no: ['familial'] },
      { text: 'IP was walking with her boyfriend when an unknown male hit her', no: ['domestic'] },
      { text: 'Caller is the IP\'s husband, reports she was assaulted by a stranger', no: ['domestic'] },
    ],
  },
  {
    rule: "the relative's own act may come later in the clause when no one else is named in between",
    cases: [
      { text: 'RP reports her 15yr old son has come home drunk and is threatening her with a bottle', yes: ['familial'] },
      { text: 'IP walking home with her brother when a male grabbed her and punched him', no: ['familial'] },
      { text: "IP's cousin tried to pull the male off and was punched too", no: ['familial'] },
    ],
  },
  {
    rule: 'an act aimed at the relative, through "at" or "on"',
    cases: [
      { text: 'Male shouting and swearing at his elderly mum on the ramp', yes: ['familial'] },
      { text: 'Custody note: DP arrested for assault on his mother', yes: ['familial'] },
    ],
  },
  {
    rule: 'a relative joined by "and" to a partner or relative the act was done to',
    cases: [
      { text: 'Husband hit wife and then her mum when she tried to intervene, both IPs treated at scene', yes: ['familial'] },
      { text: 'Unknown male assaulted IP and her brother in the street', no: ['familial'] },
    ],
  },
  {
    rule: 'a relative named as the victim',
    cases: [
      { text: 'S1 has sent IP (his sister) a video of himself holding a machete', yes: ['familial'] },
      { text: 'Son TWOCd mums car again, words of advice', yes: ['familial'] },
    ],
  },
  {
    rule: 'relatives named together: a row between them, or acting together on someone else',
    cases: [
      { text: 'Two sisters thrown out of the club for fighting each other on the dancefloor', yes: ['familial'] },
      { text: 'Two brothers assaulted a male outside the Tesco Express, both shouting abuse', no: ['familial'] },
      { text: 'Neighbours at no 14, a married couple, have been shouting abuse at the caller over the fence', no: ['domestic'] },
      { text: 'Husband and wife both assaulted by their adult son after he came home from the club', yes: ['familial'], no: ['domestic'] },
    ],
  },
  {
    rule: 'a relative in an "of" chain names whose partner or relative is meant',
    cases: [
      { text: "S1 (boyfriend of IP's sister) threw punches at IP in the back garden", no: ['domestic', 'familial'] },
      { text: 'S1 is the brother of the victim and punched her', yes: ['familial'] },
    ],
  },
  {
    rule: 'a relative who stepped in and was then harmed',
    cases: [
      { text: 'S1 punched his wife in the mouth and when her mother tried to stop him he shoved her into the radiator', yes: ['familial'] },
      { text: 'Unknown male punched IP, her brother tried to stop him and was not hurt', no: ['familial'] },
    ],
  },
  {
    rule: 'a relative harmed by someone else, or a relative of nobody in the incident',
    cases: [
      { text: 'Caller states her sister has been assaulted by her boyfriend in his car', yes: ['domestic'], no: ['familial'] },
      { text: 'RP reports her 17yo son has been threatened by a gang on the estate', no: ['familial'] },
      { text: 'Male drinking on the train, when a mum asked him to stop swearing he told her to shut it', no: ['familial'] },
      { text: 'IP was assaulted by her son at the address', yes: ['familial'] },
    ],
  },
  {
    rule: 'family words used for non-relatives',
    cases: [
      { text: 'S1 said "cheers my brother" and then headbutted the IP', no: ['familial'] },
      { text: 'Damage to the sister store of the shop', no: ['familial'] },
    ],
  },
];

describe.each(rows)('roles: $rule', ({ cases }) => {
  it.each(cases.map((c) => [describeCase(c), c] as const))('%s', (_label, c) => checkCase(c));
});

describe('role decisions are explained', () => {
  it('a wrong-party relative is discounted with the reason', () => {
    const d = tagger().tag("IP's mother called police").discounted.find((x) => x.tag === 'familial');
    expect(d).toMatchObject({ reason: 'wrong_party', text: 'mother' });
  });
  it('a linked relative says how it was linked', () => {
    const e = tagger().tag("S1 is the IP's brother").evidence.find((x) => x.tag === 'familial');
    expect(e?.note).toBe('relative is named as the suspect');
  });
  it.each([
    ["Caller rang back. Son had been drinking, he's grabbed her by the throat.", 'relative is the one who acted (named by a pronoun)'],
    // The nearest person "he" can stand for is the male, not the son.
    ['Her son was at home when a male came to the door. He punched her in the face.', 'relationship not linked to victim and suspect'],
    // "She" is the daughter, but she only speaks; the act is the ex-partner's.
    ['Her daughter was at home. She said her ex-partner had punched her.', 'relationship not linked to victim and suspect'],
  ])('a pronoun that acts goes back to the nearest person it can stand for: %s', (text, note) => {
    expect(tagger().tag(text).evidence.find((x) => x.tag === 'familial')?.note).toBe(note);
  });
  it('DV between relatives yields to familial and says so', () => {
    const r = tagger().tag('DV between mother and son, son pushed her');
    expect(r.discounted.find((x) => x.tag === 'domestic')?.reason).toBe('yields_to_familial');
  });
});
