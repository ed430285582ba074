#!/usr/bin/env node
// Writes a realistic police-export CSV for batch benchmarks:
//   node scripts/generate-batch.mjs --records 1000000 --out /tmp/export.csv [--seed 7] [--year 2025] [--chars N]
// Narratives come from the corpus, varied the way exports vary: case, police
// shorthand, typos, length (two narratives run together, or one cut short).
// Columns: crime_ref, date, ward, offence, MO_text. With --chars N every
// narrative is about N characters: varied narratives run together until they
// reach N, then cut back to the last word boundary, so benchmarks can compare
// the cost per character at different lengths.
import { createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from '../dist/corpus/store.js';
import { seededRandom } from '../dist/random.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const records = Number(arg('records', '1000000'));
const out = arg('out', 'export.csv');
const rand = seededRandom(Number(arg('seed', '7')));
const year = arg('year', '2025');
const chars = arg('chars', null) === null ? null : Number(arg('chars', null));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const texts = readCorpus(join(root, 'corpus', 'corpus.jsonl')).map((r) => r.text);
const wards = ['Abbey', 'Castle', 'Market', 'Riverside', 'St Johns', 'Northfield', 'Westgate', 'Hillside', 'Parkway', 'Old Town', 'Harbour', 'Eastbrook'];
const offences = ['Common assault', 'Assault without injury', 'Harassment', 'Public order', 'Criminal damage', 'Theft', 'ABH', 'Stalking'];
const SHORTHAND = [[/\bvictim\b/gi, 'IP'], [/\bsuspect\b/gi, 'S1'], [/\boutside\b/gi, 'O/S'], [/\bboyfriend\b/gi, 'B/F'], [/\bgirlfriend\b/gi, 'G/F'], [/\bpublic house\b/gi, 'PH'], [/\bpolice\b/gi, 'POL']];

function vary(text) {
  let t = text;
  const r = rand();
  if (r < 0.15) t = `${t} ${pick(texts)}`;
  else if (r < 0.25) t = t.slice(0, Math.max(20, Math.floor(t.length * 0.6)));
  if (rand() < 0.3) for (const [re, abbr] of SHORTHAND) t = t.replace(re, abbr);
  if (rand() < 0.15) {
    const words = t.split(' ');
    const k = Math.floor(rand() * words.length);
    const w = words[k];
    if (w.length > 4) {
      const j = 1 + Math.floor(rand() * (w.length - 2));
      words[k] = rand() < 0.5 ? w.slice(0, j) + w.slice(j + 1) : w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
    }
    t = words.join(' ');
  }
  const c = rand();
  if (c < 0.3) t = t.toUpperCase();
  else if (c < 0.4) t = t.toLowerCase();
  return t;
}

function narrative() {
  let t = vary(pick(texts));
  if (chars === null) return t;
  while (t.length < chars) t = `${t} ${vary(pick(texts))}`;
  const cut = t.lastIndexOf(' ', chars);
  return t.slice(0, cut > chars / 2 ? cut : chars);
}

const csv = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const stream = createWriteStream(out);
const put = (s) => (stream.write(s) ? null : new Promise((res) => stream.once('drain', res)));
await put('crime_ref,date,ward,offence,MO_text\n');
for (let i = 0; i < records; i++) {
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const line = `CR/${String(100000 + i)},${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${csv(pick(wards))},${csv(pick(offences))},${csv(narrative())}\n`;
  const p = put(line);
  if (p) await p;
}
await new Promise((res) => stream.end(res));
console.error(`wrote ${records} records to ${out}`);
