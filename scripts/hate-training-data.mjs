#!/usr/bin/env node
// Public hate-speech data (../shared/data/hate: ToxiGen seed sentences, MLMA
// tweets; both name the group attacked) as training-only records in police
// frames, for the model's hate features (issue 15):
//   node scripts/hate-training-data.mjs > corpus/public-hate.jsonl
// A statement becomes quoted speech in one of a few MO frames chosen by a hash
// of its text. Labels: the named strand when the set calls it hateful, no hate
// strand when it calls it neutral or normal; MLMA's "offensive" alone is
// skipped (its disability rows are mostly one slur used as an insult). Every
// other tag is 0: the frames carry no other cue. Never HateCheck, DynaHate or
// ETHOS: they are the independent checks.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TAG_IDS } from '../dist/tags.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '..', 'shared', 'data', 'hate');
const FRAMES = [
  (t) => `S1 approached IP in the street and shouted "${t}" before walking off.`,
  (t) => `IP STATES S1 SAID "${t.toUpperCase()}" THEN LEFT THE AREA.`,
  (t) => `Suspect posted on social media: "${t}". Reported by RP, malicious communications.`,
  (t) => `V1 rptd S1 said to her "${t}" @ the bus stop.`,
  (t) => `Victim received a message from the suspect reading "${t}".`,
];
const read = (f) => readFileSync(join(dataDir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const hash = (s) => createHash('sha256').update(s).digest();

function record(source, text, strand) {
  const h = hash(text);
  const clean = text.replace(/\s+/g, ' ').replace(/"/g, "'").trim();
  const labels = Object.fromEntries(TAG_IDS.map((t) => [t, t === `hate_${strand}` ? 1 : 0]));
  return { id: `${source}-${h.toString('hex').slice(0, 12)}`, text: FRAMES[h[0] % FRAMES.length](clean), labels, split: 'train', source: `public:${source}`, annotator: `public-${source}` };
}

const out = [];
for (const r of read('toxigen-seeds.jsonl')) {
  if (r.label === 'hate' && r.strand) out.push(record('toxigen', r.text, r.strand));
  else if (r.label === 'neutral') out.push(record('toxigen', r.text, null));
}
for (const r of read('mlma-en.jsonl')) {
  const kinds = r.hostility.split('_');
  if (kinds.includes('hateful') && r.strand) out.push(record('mlma', r.text.replace(/@user|<user>|https?:\S+/gi, '').trim(), r.strand));
  else if (r.hostility === 'normal') out.push(record('mlma', r.text.replace(/@user|<user>|https?:\S+/gi, '').trim(), null));
}
for (const r of out) console.log(JSON.stringify(r));
