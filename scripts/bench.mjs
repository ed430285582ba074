#!/usr/bin/env node
// Speed and memory of `motag tag` on a generated file (default 200,000 records).
// Usage: npm run bench [-- --records N]
// Prints records/second and peak RSS for JSONL -> JSONL and CSV -> CSV, with
// the shipped model and with the rules alone.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argIndex = process.argv.indexOf('--records');
const records = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 200_000;

// Narratives in the style of UK MO text; the generator varies case, shorthand and length.
const BASE = [
  'S1 was drunk and punched the IP outside the kebab shop after leaving the club at 02:30',
  "IP's boyfriend pushed her over in the kitchen, DV, no injuries",
  'Male begging outside Tesco became abusive to shoppers, very drunk',
  'Unknown male stole pedal cycle from the rack, lock cut',
  "S1 is the IP's brother, argument over money, he slapped her",
  'IP racially abused by S1 in the queue, told to go back to his own country',
  'Vehicle damaged outside the Eagle PH at 11:00, no witnesses',
  'Door staff ejected S1 who then assaulted IP at the taxi rank',
  'S1 denies drinking and showed no signs of intoxication, parties are neighbours',
  "IP's mother called police after an unknown male pushed him in the street",
  'Group of street drinkers shouting at passers by on the green',
  'S1 shouted homophobic abuse at the couple holding hands on the high street',
  'Shoplifting: S1 concealed two bottles of vodka and left without paying',
  'IP uses a wheelchair, S1 mocked his disability and tipped the chair over',
  'Caller reports loud music from a neighbouring flat, no further action',
];
const SUFFIX = ['', ' / Arrest', ' / NFA', '. Officers attended and took statements from both parties', '. IP refused medical attention'];

function narrative(i) {
  let t = BASE[i % BASE.length] + SUFFIX[(i >> 4) % SUFFIX.length];
  if (i % 3 === 0) t = t.toUpperCase();
  if (i % 7 === 0) t = t.replace(/\bvictim\b/gi, 'IP').replace(/\boutside\b/gi, 'O/S');
  return t;
}

async function writeFile(path, format) {
  const out = createWriteStream(path);
  const put = (s) => (out.write(s) ? null : new Promise((r) => out.once('drain', r)));
  if (format === 'csv') await put('crime_ref,MO_text,ward\n');
  for (let i = 0; i < records; i++) {
    const text = narrative(i);
    const line = format === 'csv' ? `CR${i},"${text.replace(/"/g, '""')}",W${i % 20}\n` : `${JSON.stringify({ id: `r${i}`, text })}\n`;
    const p = put(line);
    if (p) await p;
  }
  await new Promise((r) => out.end(r));
}

function run(inPath, outPath, extra) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', join(root, 'scripts', 'report-rss.cjs'), join(root, 'bin', 'motag.js'), 'tag', '--in', inPath, '--out', outPath, ...extra], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`motag tag failed: ${r.stderr}`);
  const rssKb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1]);
  return { seconds, rate: Math.round(records / seconds), peakMb: Math.round(rssKb / 1024) };
}

const dir = mkdtempSync(join(tmpdir(), 'motag-bench-'));
try {
  const rows = [];
  for (const format of ['jsonl', 'csv']) {
    const input = join(dir, `in.${format}`);
    await writeFile(input, format);
    const fields = format === 'csv' ? ['--text-field', 'MO_text', '--id-field', 'crime_ref'] : [];
    for (const [tagger, extra] of [['rules + model', []], ['rules only', ['--rules-only']]]) {
      const r = run(input, join(dir, `out.${format}`), [...fields, ...extra]);
      rows.push({ format, tagger, inputMb: (statSync(input).size / 1e6).toFixed(1), ...r });
    }
  }
  console.log(`motag tag benchmark: ${records.toLocaleString('en-GB')} records, node ${process.version}`);
  console.log('| format | tagger | input MB | wall s | records/s | peak RSS MB |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.format} | ${r.tagger} | ${r.inputMb} | ${r.seconds.toFixed(1)} | ${r.rate} | ${r.peakMb} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
