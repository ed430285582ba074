import type { Case } from '../helpers.js';

/*
 * Every example of shared/spec/TAGS.md, written as the narrative an officer
 * would record, with the tag the spec says it must or must not get.
 */
export const ALCOHOL: Case[] = [
  { text: 'S1 was drunk and punched the IP', yes: ['alcohol'] },
  { text: 'IP had been drinking when she was pushed over', yes: ['alcohol'] },
  { text: 'S1 smelt of alcohol and was arrested', yes: ['alcohol'] },
  { text: 'S1 was heavily intoxicated and assaulted staff', yes: ['alcohol'] },
  { text: 'IP was in drink and fell out with S1', yes: ['alcohol'] },
  { text: 'IP was worse for wear after a night out drinking', yes: ['alcohol'] },
  { text: 'S1 threw his pint over the IP', yes: ['alcohol'] },
  { text: 'Argument over a round of drinks, S1 punched IP', yes: ['alcohol'] },
  { text: 'Both parties had consumed alcohol', yes: ['alcohol'] },
  { text: 'S1 pushed IP. No alcohol involved', no: ['alcohol'] },
  { text: 'Verbal argument between neighbours, both sober', no: ['alcohol'] },
  { text: 'S1 denies drinking and showed no signs of intoxication', no: ['alcohol'] },
  { text: 'S1 stole two bottles of vodka from the shop', no: ['alcohol'] },
  { text: 'S1 was under the influence of cannabis and threatened the IP', no: ['alcohol'] },
  { text: 'She fears he will come back drunk', no: ['alcohol'] },
  { text: 'Male intoxicated, shouting in the street', yes: ['alcohol'] },
  { text: 'Male intoxicated on drugs, shouting in the street', no: ['alcohol'] },
  { text: 'S1 appeared under the influence after a night out at the pub', yes: ['alcohol'] },
  { text: 'S1 appeared under the influence', no: ['alcohol'] },
  { text: 'Vehicle stopped, driver arrested for DUI', no: ['alcohol'] },
];

export const NTE: Case[] = [
  { text: 'IP assaulted by door staff at [named club]', yes: ['nte'] },
  { text: 'IP was kicked out of the queue and punched S1', yes: ['nte'] },
  { text: 'Altercation at the taxi rank at 02:30', yes: ['nte'] },
  { text: 'IP punched on the dancefloor by unknown male', yes: ['nte'] },
  { text: 'IP assaulted O/S the kebab shop after leaving the club', yes: ['nte'] },
  { text: 'Outside the Eagle PH at 11:00 a car was damaged', no: ['nte'] },
  { text: 'Outside the Eagle PH at 23:30 a fight broke out between two drunk males', yes: ['nte'] },
  { text: 'IP was drinking in the Red Lion PH at 14:00 when S1 threw a glass at him', yes: ['nte'] },
  { text: 'Shoplifting from the Co-op at 15:00, S1 took meat', no: ['nte'] },
  { text: 'Takeaway delivery driver assaulted in the afternoon', no: ['nte'] },
];

export const DOMESTIC: Case[] = [
  { text: 'S1 is the ex-partner of the IP', yes: ['domestic'] },
  { text: "IP's boyfriend punched her", yes: ['domestic'] },
  { text: 'Husband and wife argument, he pushed her', yes: ['domestic'] },
  { text: 'EX-P turned up and made threats', yes: ['domestic'] },
  { text: 'DV incident, female pushed over in the kitchen', yes: ['domestic'] },
  { text: 'Domestic assault at the home address, IP has a cut lip', yes: ['domestic'] },
  { text: 'IP was walking with her boyfriend when an unknown male hit her', no: ['domestic'] },
  { text: 'Parties are not in a relationship, dispute over rent', no: ['domestic'] },
  { text: 'Assault at the address, not domestic related', no: ['domestic'] },
  { text: 'Unknown male punched IP in the street, strangers', no: ['domestic'] },
];

export const FAMILIAL: Case[] = [
  { text: 'Son assaulted his mother at the home address', yes: ['familial'] },
  { text: "S1 is the IP's brother", yes: ['familial'] },
  { text: 'Argument between father and daughter, she slapped him', yes: ['familial'] },
  { text: "IP's stepdad threatened him", yes: ['familial'] },
  { text: "IP's mother called police after an unknown male pushed him", no: ['familial'] },
  { text: 'S1 said "alright my brother" then punched the IP, they are not related', no: ['familial'] },
  { text: 'Father O\'Brien reported damage to the church windows', no: ['familial'] },
  { text: 'He assaulted his wife and her mother', yes: ['domestic', 'familial'] },
  { text: 'DV between mother and son, son pushed her', yes: ['familial'], no: ['domestic'] },
];

export const HATE: Case[] = [
  { text: 'IP was racially abused by S1 in the street', yes: ['hate_race'] },
  { text: 'S1 told him to go back to his own country', yes: ['hate_race'] },
  { text: 'S1 called IP a "p*ki" and spat at him', yes: ['hate_race'] },
  { text: 'S1 pulled off her hijab while shouting abuse about Muslims', yes: ['hate_religion'] },
  { text: 'S1 called them gay slurs while punching them', yes: ['hate_sexual_orientation'] },
  { text: 'S1 mocked his wheelchair and tipped it over', yes: ['hate_disability'] },
  { text: 'IP targeted because of her learning disability', yes: ['hate_disability'] },
  { text: 'S1 shouted transphobic abuse at the IP', yes: ['hate_transgender'] },
  { text: 'S1 kept deliberately misgendering the IP to humiliate her', yes: ['hate_transgender'] },
  { text: 'IP, a Polish national, was punched in the queue', no: ['hate_race'] },
  { text: 'IP uses a wheelchair and was pushed over by S1', no: ['hate_disability'] },
  { text: 'No racial element to the incident', no: ['hate_race'] },
  { text: 'Offence recorded as racially or religiously aggravated harassment', yes: ['hate_race'], no: ['hate_religion'] },
  { text: 'Muslim shopkeeper robbed of cash by two males', no: ['hate_religion'] },
];

export const STREET_ASB: Case[] = [
  { text: 'Male begging outside the supermarket became abusive to shoppers', yes: ['street_asb'] },
  { text: 'Group of street drinkers shouting at passers-by on the green', yes: ['street_asb'] },
  { text: 'Homeless male sleeping in the doorway was kicked', yes: ['street_asb'] },
  { text: 'Drunk male swearing at families in the park', yes: ['street_asb'] },
  { text: 'Abusive language inside the home address between partners', no: ['street_asb'] },
  { text: 'S1 drunk at home and shouting at his wife', no: ['street_asb'] },
  { text: 'S1 was abusive to staff inside the shop', no: ['street_asb'] },
  { text: 'Sober male punched IP in the street, no words exchanged', no: ['street_asb'] },
  { text: 'IP is homeless and reports his phone stolen', no: ['street_asb'] },
];

export const GENERAL: Case[] = [
  { text: 'Previous DV history with her ex. Today dispute with a neighbour over parking', no: ['domestic'] },
  { text: 'S1 shouted "go back to your own country" at the IP', yes: ['hate_race'] },
  { text: 'S1 WAS DRUNK AND PUNCHED THE IP', yes: ['alcohol'] },
  { text: 'S1 was intoxicted and asaulted his girfriend', yes: ['alcohol', 'domestic'] },
];

export const ALL_SPEC_CASES: readonly Case[] = [...ALCOHOL, ...NTE, ...DOMESTIC, ...FAMILIAL, ...HATE, ...STREET_ASB, ...GENERAL];
