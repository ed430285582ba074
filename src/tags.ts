/** The ten tag ids of shared/spec/TAGS.md, in the order of INTERFACE.md. */
export const TAG_IDS = [
  'alcohol',
  'nte',
  'domestic',
  'familial',
  'hate_race',
  'hate_religion',
  'hate_sexual_orientation',
  'hate_disability',
  'hate_transgender',
  'street_asb',
] as const;

export type TagId = (typeof TAG_IDS)[number];

export function isTagId(value: string): value is TagId {
  return (TAG_IDS as readonly string[]).includes(value);
}

/** A value for every tag: the type makes a missing tag a compile error. */
export type PerTag<T> = Record<TagId, T>;

export function perTag<T>(make: (tag: TagId) => T): PerTag<T> {
  const out = {} as PerTag<T>;
  for (const tag of TAG_IDS) out[tag] = make(tag);
  return out;
}

/** One-line definitions for GET /v1/tags; the full definitions are shared/spec/TAGS.md. */
export const TAG_DEFINITIONS: Record<TagId, string> = {
  alcohol: 'A party had been drinking or was intoxicated by alcohol at the time, or drinking was part of the incident.',
  nte: 'The incident happened in or arose from the night-time economy: licensed premises, their queues, doors and dancefloors, door staff, taxi ranks on a night out, late-night takeaways.',
  domestic: 'The victim and a suspect are or were intimate partners, or the record calls the incident domestic and names no family relationship.',
  familial: 'The victim and a suspect are family members other than intimate partners.',
  hate_race: 'Hostility towards race, colour, ethnicity, nationality or national origin.',
  hate_religion: 'Hostility towards religion or belief, including antisemitic and anti-Muslim abuse.',
  hate_sexual_orientation: 'Homophobic or biphobic hostility.',
  hate_disability: 'Hostility towards disabled people for their disability.',
  hate_transgender: 'Transphobic hostility, including deliberate misgendering as abuse.',
  street_asb: 'Street-based anti-social behaviour: begging, rough sleeping, street drinking, drunk or abusive behaviour towards people in a public place.',
};
