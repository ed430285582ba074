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
