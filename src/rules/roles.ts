import type { Token } from '../text/tokens.js';
import type { Match } from './matcher.js';
import { isPassive, PASSIVE_AUX, pronounActsFor, pronounHarmedFor, type Mention } from './mentions.js';

/*
 * Party roles. A relationship word only counts for domestic or familial when
 * it links the victim and a suspect (TAGS.md): "S1 is the IP's brother" does,
 * "IP's mother called police" and "walking with her boyfriend when an unknown
 * male hit her" do not. The rules read the words around the relationship cue,
 * using the support families of lexicons/support.json (role.*), and return the
 * first that applies, most specific first.
 */
export type RoleDecision =
  | { readonly link: 'linked'; readonly why: string }
  | { readonly link: 'wrong_party'; readonly why: string }
  | { readonly link: 'unclear' };

export interface Span {
  readonly first: number;
  readonly last: number;
}

/** Support matches by family id, and the other relationship cues in the record. */
export interface RoleEvidence {
  /** The narrative, for the punctuation tokens drop ("IP (his sister)" is apposition, "IP, her brother" a list). */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly support: ReadonlyMap<string, readonly Match<unknown>[]>;
  readonly relationships: readonly Span[];
  /** Every person named in the record (mentions.ts), found once per record. */
  readonly mentions: readonly Mention[];
}

/** Words that may stand between a party reference and a relationship in apposition ("S1 is the IP's brother"). */
const APPOSITION_FILLER = new Set(['is', 'was', 'are', 'were', 'the', 'a', 'an', "'s", 'her', 'his', 'their', 'own', 'and', 'also', 'both', 'victim', 'suspect', 'ex', 'former', 'estranged', 'current', 'of', 'who', 'named', 'as', 'being', 'now']);
/** Words that may stand between an aggression verb or "argument with" and the relationship it governs. */
const POSSESSIVE_FILLER = new Set(['her', 'his', 'their', 'own', 'the', 'a', 'an', 'ex', 'former', 'estranged', 'elderly', 'pregnant', 'younger', 'older', 'teenage', 'adult', 'current', 'new']);
/** Prepositions that may join an act to the relative it is aimed at ("swearing at his mum", "assault on his mother"). */
const AIMED = new Set(['at', 'on', 'upon', 'towards']);
/** How far after a relative their own act may come, when no other person is named in between ("son has come home drunk and is threatening her"). */
const SUBJECT_WINDOW = 8;
/** Pronouns that start a new subject: the act after them is not the relative's. */
const NEW_SUBJECT = new Set(['he', 'she', 'they', 'i', 'we']);
/** Relationship words naming two or more people at once. */
const PLURAL_RELATIVE = /\b(brothers|sisters|siblings|cousins|twins|sons|daughters|couple|partners|exes)$|\band\b/;
/** Describing words between a possessive and the relative it governs ("her ex's new girlfriend"). */
const DESCRIBING = new Set(['new', 'current', 'ex', 'former', 'estranged', 'elderly', 'younger', 'older', 'teenage', 'adult', 'pregnant', 'own', 'live', 'in', 'long', 'term']);
/** Words between a relative and the passive act done to them ("has been assaulted by"). */
const PASSIVE_FILLER = new Set([...PASSIVE_AUX, 'has', 'had', 'have', 'allegedly', 'also', 'then', 'just', 'repeatedly', 'both']);
/**
 * Verbs that turn "caller" into the teller of what follows: in "caller states her partner
 * punched her" the partner is the subject of the report, usually the caller's own
 * abuser, not the person reporting. Only "caller is her mum" names the reporter.
 */
const REPORT_VERBS = new Set(['states', 'stated', 'stating', 'reports', 'reported', 'reporting', 'says', 'said', 'saying', 'advises', 'advised', 'alleges', 'alleged', 'explains', 'explained', 'claims', 'claimed', 'informs', 'tells', 'told']);

export function decideRole(cue: Span, ev: RoleEvidence): RoleDecision {
  const { tokens } = ev;
  const cueTok = tokens[cue.first]!;
  const sentence = cueTok.sentence;
  const inSentence = (m: Span): boolean => tokens[m.first]!.sentence === sentence;
  const matches = (id: string): Match<unknown>[] => (ev.support.get(id) ?? []).filter(inSentence);
  const between = (from: number, to: number): Token[] => tokens.slice(from + 1, to);
  const onlyFiller = (from: number, to: number, filler: ReadonlySet<string>): boolean =>
    between(from, to).every((t) => filler.has(t.norm));
  const covers = (id: string, from: number, to: number): boolean => matches(id).some((m) => m.first > from && m.last < to);

  const aggression = matches('role.aggression');
  const suspects = matches('role.suspect');
  const strangerInSentence = matches('role.stranger').length > 0;

  // Someone else's relative ("her boyfriend's mum", "S1's brother"), or the relative whose
  // relative is meant ("her daughter's boyfriend"): neither is the victim's own relative.
  let lead = cue.first - 1;
  while (lead > 0 && DESCRIBING.has(tokens[lead]!.norm)) lead--;
  const before = tokens[lead];
  const owner = tokens[lead - 1];
  // The suspect's own relative may well be the victim ("IP is S1's aunt", "S1 kicked his mother's dog"): left to the rules below.
  if (before?.norm === "'s" && owner && owner.norm !== 'victim' && owner.norm !== 'suspect') return { link: 'wrong_party', why: 'relative of someone other than the victim' };
  // Not when a possession follows: in "S1 smashed his ex's car" the ex is still a possible party.
  if (tokens[cue.last + 1]?.norm === "'s" && tokens[cue.last + 1]!.sentence === sentence && tokens[cue.last + 2]?.sentence === sentence && !possessionFollows(cue.last + 1, ev)) {
    return { link: 'wrong_party', why: 'names whose relative is meant' };
  }
  // The same chains written with "of": "S1 (boyfriend of IP's sister)" is the sister's
  // boyfriend, and the sister only says whose.
  const relativeAt = (first: number, last: number): boolean => ev.relationships.some((r) => r !== cue && r.first >= first && r.last <= last);
  if (tokens[cue.last + 1]?.norm === 'of' && relativeAt(cue.last + 2, cue.last + 5) &&
      tokens.slice(cue.last + 2, cue.last + 5).some((t) => ["'s", 'her', 'his', 'their'].includes(t.norm))) {
    return { link: 'wrong_party', why: 'relative of someone other than the victim' };
  }
  const ofAt = before?.norm === "'s" ? lead - 2 : ['her', 'his', 'their'].includes(before?.norm ?? '') ? lead - 1 : lead;
  if (tokens[ofAt]?.norm === 'of' && ev.relationships.some((r) => r !== cue && r.last === ofAt - 1)) {
    return { link: 'wrong_party', why: 'names whose relative is meant' };
  }

  // Relatives who acted together as suspects ("S1 and S2 (brothers) jointly assaulted IP")
  // are co-suspects, unless they turned on each other.
  if (matches('role.co_suspects').length > 0 && !turnedOnEachOther(tokens, sentence)) {
    return { link: 'wrong_party', why: 'relatives acted together as suspects' };
  }

  // A relative written inside quoted speech is someone's form of address ("alright my brother",
  // "called the cashier 'nan'").
  if (cueTok.quoted && (tokens[cue.first - 1]?.norm === 'my' || calledJustBefore(cue.first, tokens))) {
    return { link: 'wrong_party', why: 'said as a form of address' };
  }

  const { mentions } = ev;
  const bystanders = matches('role.bystander');
  // Another person named between two token positions: the act after them is more likely theirs.
  const personBetween = (from: number, to: number): boolean =>
    mentions.some((m) => m.first > from && m.last < to) ||
    between(from, to).some((t) => t.norm === 'victim' || t.norm === 'suspect' || NEW_SUBJECT.has(t.norm));
  const plural = PLURAL_RELATIVE.test(tokens.slice(cue.first, cue.last + 1).map((t) => t.norm).join(' '));
  // A row between the people just named, or them turning on each other: "two brothers who live together had been arguing".
  const mutualAfter = matches('role.mutual').some((m) => m.first > cue.last && m.first - cue.last <= SUBJECT_WINDOW && !personBetween(cue.last, m.first)) ||
    turnedOnEachOther(tokens, sentence);
  for (const agg of aggression) {
    // "tried to pull him off" is a bystander stepping in, not an attempt at harm.
    if (bystanders.some((b) => b.first <= agg.last && agg.first <= b.last)) continue;
    const passive = isPassive(agg, tokens);
    // Subject: "her ex partner turned up and threatened her", "IP's boyfriend punched her";
    // not "her brother restrained the male", where the relative's act was aimed at the suspect.
    if (!passive && agg.first > cue.last && agg.first - cue.last <= SUBJECT_WINDOW &&
        !personBetween(cue.last, agg.first) && !covers('role.reporting', cue.last, agg.first)) {
      // "a married couple shouting abuse at the caller", "two brothers assaulted a male": relatives
      // named together who act together are co-suspects, unless they turned on each other.
      if (plural && !mutualAfter) return { link: 'wrong_party', why: 'relatives acted together' };
      if (!plural && !aimedAtOutsider(agg.last, mentions, ev.relationships, tokens)) return { link: 'linked', why: 'relative is the one who acted' };
    }
    // Agent of a passive: "assaulted by her son".
    if (passive && tokens[agg.last + 1]?.norm === 'by' && cue.first > agg.last + 1 && onlyFiller(agg.last + 1, cue.first, POSSESSIVE_FILLER)) {
      return { link: 'linked', why: 'relative is the one who acted' };
    }
  }
  // Object: "son assaulted his mother", "struck girlfriend" (not "S1 assaulted the IP's brother", nor a stranger's victim).
  const objectOfAct = (first: number): boolean =>
    !strangerInSentence &&
    aggression.some((agg) => {
      const passive = isPassive(agg, tokens);
      const aimed = AIMED.has(tokens[agg.last + 1]?.norm ?? '') ? 1 : 0;
      return !passive && first > agg.last && first - agg.last <= 4 + aimed && onlyFiller(agg.last + aimed, first, POSSESSIVE_FILLER) &&
        (first === agg.last + 1 + aimed || between(agg.last, first).some((t) => t.norm === 'his' || t.norm === 'her' || t.norm === 'their'));
    });
  if (objectOfAct(cue.first)) return { link: 'linked', why: 'relative is the one harmed by the suspect' };
  // "hit his wife and then her mum": joined by "and" to someone the act was done to.
  const conjunct = conjunctBefore(cue.first, tokens, mentions);
  if (conjunct !== null && objectOfAct(conjunct)) return { link: 'linked', why: 'relative is the one harmed by the suspect' };

  // Apposition with the victim: "S1 has sent IP (his sister) a video", "V1, her son, ...".
  if (['his', 'her', 'their'].includes(tokens[cue.first - 1]?.norm ?? '') && tokens[cue.first - 2]?.norm === 'victim' && tokens[cue.first - 2]!.sentence === sentence &&
      ev.text.slice(tokens[cue.first - 2]!.end, tokens[cue.first - 1]!.start).includes('(')) {
    return { link: 'linked', why: 'relative is named as the victim' };
  }

  // Apposition with the suspect: "S1 is the IP's brother", "her brother S1", "suspect and victim are brothers".
  for (const s of suspects) {
    if (s.last < cue.first && cue.first - s.last <= 6 && onlyFiller(s.last, cue.first, APPOSITION_FILLER)) {
      return { link: 'linked', why: 'relative is named as the suspect' };
    }
    if (s.first > cue.last && s.first - cue.last <= 3 && onlyFiller(cue.last, s.first, APPOSITION_FILLER)) {
      return { link: 'linked', why: 'relative is named as the suspect' };
    }
  }

  // "her sister has been assaulted by her boyfriend", "son was threatened by a gang": the
  // relative is the one harmed, by someone the words do not make their relative.
  const harmedByAnother = (last: number): boolean =>
    aggression.some((agg) => agg.first > last && agg.first - last <= 4 && tokens[agg.last + 1]?.norm === 'by' && onlyFiller(last, agg.first, PASSIVE_FILLER));
  const pairedAfter = ev.relationships.find((r) => r.first > cue.last && adjacentPair(cue, r, tokens));
  if (harmedByAnother(cue.last) || (pairedAfter && harmedByAnother(pairedAfter.last))) return { link: 'wrong_party', why: 'relative was harmed by someone else' };
  // "a mum asked him to stop", "told the other parents": a relative of nobody in the incident.
  if (['a', 'an', 'other', 'another'].includes(tokens[lead]?.norm ?? '')) {
    return { link: 'wrong_party', why: 'a relative of someone not in the incident' };
  }

  // "mother called police" (the relative reports) or "reported by her husband", "caller is IP's mum".
  if (matches('role.reporting').some((m) => m.first > cue.last && m.first - cue.last <= 4) ||
      matches('role.reported_by').some((m) => m.last < cue.first && cue.first - m.last <= 4 && !between(m.last, cue.first).some((t) => REPORT_VERBS.has(t.norm)))) {
    return { link: 'wrong_party', why: 'relative reported or witnessed it' };
  }

  // "brothers fighting in the street", "IP and his uncle had a fight": relatives named
  // together, or a party and their relative, then fighting.
  const namedTogether = plural ||
    (['his', 'her', 'their'].includes(tokens[cue.first - 1]?.norm ?? '') && tokens[cue.first - 2]?.norm === 'and' && ['victim', 'suspect'].includes(tokens[cue.first - 3]?.norm ?? ''));
  if (namedTogether && mutualAfter) {
    return { link: 'linked', why: 'dispute between the relatives' };
  }

  // "brother tried to stop it", "son not involved": a bystander or peacemaker, unless the
  // suspect then turned on them ("her mother tried to stop him and he shoved her").
  const stepIn = bystanders.find((m) => m.first > cue.last && m.first - cue.last <= 4);
  if (stepIn && pronounHarmedFor(cue, stepIn.last, mentions, aggression, tokens)) {
    return { link: 'linked', why: 'relative is the one harmed by the suspect (named by a pronoun)' };
  }
  if (stepIn) return { link: 'wrong_party', why: 'relative stood by, stepped in or took no part' };

  // "argument between father and daughter", "husband and wife argument", "domestic with her b/f".
  if (matches('role.between').some((m) => m.last < cue.first && cue.first - m.last <= 4)) {
    return { link: 'linked', why: 'dispute between the relatives' };
  }
  // ... but not "husband and wife both assaulted by their son", who are both harmed.
  if (ev.relationships.some((r) => r !== cue && inSentence(r) && adjacentPair(r, cue, tokens) && !harmedByAnother(Math.max(r.last, cue.last)))) {
    return { link: 'linked', why: 'dispute between the relatives' };
  }
  if (matches('role.dispute_with').some((m) => m.last < cue.first && cue.first - m.last <= 4 && onlyFiller(m.last, cue.first, POSSESSIVE_FILLER))) {
    return { link: 'linked', why: 'dispute with the relative' };
  }

  // "Son had been drinking, he grabbed her by the throat": the relative is the nearest person the pronoun can stand for.
  if (pronounActsFor(cue, mentions, ev.support.get('role.aggression') ?? [], tokens)) {
    return { link: 'linked', why: 'relative is the one who acted (named by a pronoun)' };
  }

  if (matches('role.companion').some((m) => m.last < cue.first && cue.first - m.last <= 3)) {
    return { link: 'wrong_party', why: 'relative was a companion' };
  }
  if (strangerInSentence) return { link: 'wrong_party', why: 'the suspect is a stranger' };
  return { link: 'unclear' };
}

const CONJUNCT_FILLER = new Set(['his', 'her', 'their', 'then', 'also', 'the', 'both']);

/** The start of the relative joined by "and" just before `at` ("his wife and then her mum"), or null. */
function conjunctBefore(at: number, tokens: readonly Token[], mentions: readonly Mention[]): number | null {
  let i = at - 1;
  let joined = false;
  while (i >= 0 && (CONJUNCT_FILLER.has(tokens[i]!.norm) || tokens[i]!.norm === 'and')) {
    if (tokens[i]!.norm === 'and') joined = true;
    i--;
  }
  if (!joined || i < 0 || tokens[i]!.sentence !== tokens[at]!.sentence) return null;
  // Only another relative: in "S1 assaulted IP and her brother" the brother is a second victim, and the suspect no kin.
  const m = mentions.find((x) => x.last === i && x.relative);
  return m ? m.first : null;
}

/** The act's object is a person who is no relative ("restrained the suspect", "pulled the male off"). */
function aimedAtOutsider(last: number, mentions: readonly Mention[], relationships: readonly Span[], tokens: readonly Token[]): boolean {
  let i = last + 1;
  while (['the', 'a', 'an', 'at', 'on', 'this', 'that', 'other'].includes(tokens[i]?.norm ?? '')) i++;
  const object = mentions.find((m) => m.first <= i && m.last >= i);
  return (object !== undefined && !relationships.some((r) => r.first <= object.last && r.last >= object.first)) || tokens[i]?.norm === 'suspect';
}

/** A possession ("car", "phone") within two tokens after the possessive at `at`, and no relative before it. */
function possessionFollows(at: number, ev: RoleEvidence): boolean {
  const thing = (ev.support.get('role.possession') ?? []).find((m) => m.first > at && m.first - at <= 2);
  return thing !== undefined && !ev.relationships.some((r) => r.first > at && r.first < thing.first);
}

function turnedOnEachOther(tokens: readonly Token[], sentence: number): boolean {
  return tokens.some((t, i) => t.sentence === sentence && ((t.norm === 'each' && tokens[i + 1]?.norm === 'other') || (t.norm === 'one' && tokens[i + 1]?.norm === 'another')));
}

/** "husband and wife", "son 16 v mum": two relationship cues joined by "and" or "v". */
function adjacentPair(a: Span, b: Span, tokens: readonly Token[]): boolean {
  const [left, right] = a.last < b.first ? [a, b] : [b, a];
  const gap = tokens.slice(left.last + 1, right.first).map((t) => t.norm);
  // "husband and wife", "son 16 v mum", "sis vs sis": an age may follow the first relative.
  return gap.length >= 1 && gap.length <= 3 && gap.some((w) => PAIR_JOINERS.has(w)) &&
    gap.every((w) => PAIR_JOINERS.has(w) || w === 'his' || w === 'her' || w === 'their' || /^\d{1,2}$/.test(w));
}

const PAIR_JOINERS = new Set(['and', 'v', 'vs', 'versus']);
const CALLING = new Set(['called', 'calling', 'calls', 'call']);

/** "called the cashier 'nan'": a calling verb shortly before a quoted relative word. */
function calledJustBefore(at: number, tokens: readonly Token[]): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 4); i--) if (CALLING.has(tokens[i]!.norm)) return true;
  return false;
}
