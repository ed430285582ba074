import { describe, it } from 'vitest';
import { checkCase, describeCase, type Case } from '../helpers.js';

/*
 * Hate-strand rules that need more than a word list: masked slurs, characteristic
 * words that count only with hostility, and the officer recording that there was none.
 */
const rows: { rule: string; cases: Case[] }[] = [
  {
    rule: 'a masked word of a two-word slur is read as the slur',
    cases: [
      { text: "S1 then called him a 'b*tty boy' in the street", yes: ['hate_sexual_orientation'] },
      { text: "Anonymous letter to IP's workplace saying he is 'a sodomite'", yes: ['hate_sexual_orientation'] },
    ],
  },
  {
    rule: 'a same-sex couple named, with hostility nearby',
    cases: [
      { text: "IP and his husband found their wedding photos ripped up on the doorstep with 'SINNERS' written across them", yes: ['hate_sexual_orientation'] },
      { text: "2 women kissing at the bus stop were told by an older man they were 'an abomination'", yes: ['hate_sexual_orientation'] },
      { text: 'S1 and his wife were shouting abuse at the neighbours', no: ['hate_sexual_orientation'] },
    ],
  },
  {
    rule: 'the victim does not believe the characteristic was the reason',
    cases: [
      { text: 'IP (gay) was punched in the queue. IP does not believe S1 punched him because of anything he said, S1 was shouting at everyone', no: ['hate_sexual_orientation'] },
      { text: 'IP does not believe the assault was because he is gay. S1 was drunk and trying to start on everyone in the queue', no: ['hate_sexual_orientation'] },
      { text: 'S1 punched IP outside the club because he is gay', yes: ['hate_sexual_orientation'] },
    ],
  },
  {
    rule: "a threat alone is not hostility to the victim's characteristic",
    cases: [
      { text: 'IP (lesbian) reports her ex-girlfriend keeps turning up at her flat and sending threatening texts', yes: ['domestic'], no: ['hate_sexual_orientation'] },
      { text: "Male shouted 'you f***ing lezzers' at IP and her girlfriend walking to the shops", yes: ['hate_sexual_orientation'] },
    ],
  },
  {
    rule: 'misgendering counts when meant, not when the record says it was an honest slip',
    cases: [
      { text: "S1 keeps calling her 'sir' and 'mate' on purpose in the street", yes: ['hate_transgender'] },
      { text: "IP misgendered by a customer at the post office counter, customer called her 'sir', IP corrected him and he apologised straight away", no: ['hate_transgender'] },
      { text: "Trans woman reports Uber driver cancelled and drove off saying 'I don't carry your kind'", yes: ['hate_transgender'] },
      { text: "Door supervisor said 'no blokes in drag tonight' to IP1 and IP2", yes: ['hate_transgender'] },
    ],
  },
  {
    rule: 'a disability named by its condition, with disablist insults nearby',
    cases: [
      { text: "V1 (LD) assaulted in Tesco car park by a group calling him 'dumbo' and 'thick'", yes: ['hate_disability'] },
      { text: "IP has achondroplasia. She was followed round the shops by two teens shouting 'oi midget'", yes: ['hate_disability'] },
      { text: 'IP (78) had a stroke last year and was shortchanged at the bakery, no comments made', no: ['hate_disability'] },
    ],
  },
  {
    rule: "the officer's word for hostility yields to a finding that there was none",
    cases: [
      { text: 'Report of racially motivated assault at the taxi rank. On review no racist language used, not a hate crime. Both intox', no: ['hate_race'] },
      { text: 'Nine anti-racist posters were found on bulletin boards and removed', no: ['hate_race'] },
      { text: 'S1 racially abused the shop worker and spat at him', yes: ['hate_race'] },
    ],
  },
  {
    rule: "the suspect's own faith is no hate cue",
    cases: [
      { text: "Lesbian couple report their landlord said 'I don't want that sort of thing in my house, it's against my religion'", yes: ['hate_sexual_orientation'], no: ['hate_religion'] },
    ],
  },
];

describe.each(rows)('hate: $rule', ({ cases }) => {
  it.each(cases.map((c) => [describeCase(c), c] as const))('%s', (_label, c) => checkCase(c));
});
