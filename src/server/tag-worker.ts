import { parentPort, workerData } from 'node:worker_threads';
import { createTagger, type TaggerOptions } from '../tagger/tagger.js';
import { serialise } from './tagging.js';

/*
 * A tagging thread of the HTTP service: builds its own tagger, says it is
 * ready with the model's description, then tags one job at a time and
 * answers with each result already as JSON text.
 */
const tagger = createTagger(workerData as TaggerOptions);
parentPort!.postMessage({ ready: { model: tagger.model, thresholds: tagger.thresholds, bands: tagger.bands } });
parentPort!.on('message', (msg: { seq: number; records: { id: string | null; text: string }[] }) => {
  parentPort!.postMessage({ seq: msg.seq, results: msg.records.map((r) => serialise(tagger.tag(r.text, r.id))) });
});
