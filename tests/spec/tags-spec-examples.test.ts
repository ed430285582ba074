import { describe, it } from 'vitest';
import { checkCase, describeCase } from '../helpers.js';
import { ALCOHOL, DOMESTIC, FAMILIAL, GENERAL, HATE, NTE, STREET_ASB } from './tags-spec-cases.js';

/*
 * The rule layer implements TAGS.md and must get every example right. The
 * shipped tagger (rules plus model) is held to the same examples in
 * tests/tagger/shipped-tagger.test.ts.
 */
describe.each([
  ['alcohol', ALCOHOL],
  ['nte', NTE],
  ['domestic', DOMESTIC],
  ['familial', FAMILIAL],
  ['hate strands', HATE],
  ['street_asb', STREET_ASB],
  ['general rules', GENERAL],
])('TAGS.md examples: %s', (_name, cases) => {
  it.each(cases.map((c) => [describeCase(c), c] as const))('%s', (_label, c) => checkCase(c));
});
