import { parentPort, workerData } from 'node:worker_threads';
import { createTagger, type TaggerOptions } from '../tagger/tagger.js';

/*
 * A tagging worker thread: builds its own tagger (lexicons and model are read
 * once per worker) and tags chunks of records sent by the pool.
 */
const tagger = createTagger(workerData as TaggerOptions);
parentPort!.on('message', (msg: { seq: number; records: { id: string; text: string }[] }) => {
  parentPort!.postMessage({ seq: msg.seq, model: tagger.model, provenance: tagger.provenance, results: msg.records.map((r) => tagger.tag(r.text, r.id)) });
});
