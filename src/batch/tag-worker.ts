import { parentPort, workerData } from 'node:worker_threads';
import { createTagger, type TaggerOptions } from '../tagger/tagger.js';
import { formatResult, type OutputShape } from './format.js';

/*
 * A tagging worker thread: builds its own tagger (lexicons and model are read
 * once per worker), tags chunks of records sent by the pool and answers with
 * each result already written in the output's shape.
 */
const tagger = createTagger(workerData as TaggerOptions);
parentPort!.on('message', (msg: { seq: number; records: { id: string; text: string }[]; shape: OutputShape }) => {
  parentPort!.postMessage({ seq: msg.seq, model: tagger.model, results: msg.records.map((r) => formatResult(tagger.tag(r.text, r.id), msg.shape, tagger.provenance)) });
});
