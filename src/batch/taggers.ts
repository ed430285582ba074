import { Worker } from 'node:worker_threads';
import { createTagger, loadModel, type TaggerOptions } from '../tagger/tagger.js';
import { formatResult, type OutputShape } from './format.js';

/**
 * Tags chunks of records, in this thread or across worker threads, and
 * writes each result in the output's shape (format.ts formatResult): only
 * strings cross between threads, not result objects. Results keep the
 * chunk's order.
 */
export interface ChunkTagger {
  readonly model: string;
  tag(records: readonly { id: string; text: string }[], shape: OutputShape): Promise<string[]>;
  close(): Promise<void>;
}

export function inProcessTagger(options: TaggerOptions): ChunkTagger {
  const tagger = createTagger(options);
  return {
    model: tagger.model,
    tag: async (records, shape) => records.map((r) => formatResult(tagger.tag(r.text, r.id), shape, tagger.provenance)),
    close: async () => undefined,
  };
}

/**
 * A pool of tagging threads. Chunks go to the thread with the fewest chunks
 * in hand; each thread answers in the order it received, and the caller
 * awaits chunks in file order, so output order is input order.
 */
export function workerPoolTagger(options: TaggerOptions, workers: number): ChunkTagger {
  // The threads build the taggers; the main thread learns the tagger's name from their answers.
  let model = 'not loaded yet';
  const url = new URL('./tag-worker.js', import.meta.url);
  const pending = new Map<number, { resolve: (r: string[]) => void; reject: (e: Error) => void }>();
  const load = new Array<number>(workers).fill(0);
  // The model is decoded once, here, and its weight table shared with every
  // thread, rather than each thread reading and decoding the file itself.
  const shared = loadModel(options)?.share();
  const workerData: TaggerOptions = shared ? { lexiconDir: options.lexiconDir, sharedModel: shared } : { ...options, modelPath: null };
  const threads = Array.from({ length: workers }, (_, k) => {
    // A capped old generation per thread keeps the whole process under 300 MB:
    // tagging keeps little alive between chunks, and a chunk holds at most
    // about 84,000 characters of text (tag-file.ts), so 128 MB leaves the
    // thread several times what it needs. The young generation is 16 MB: at
    // 4 MB garbage collection took 13% of each thread (7% in a single
    // thread with Node's default); at 16 MB it is about 8%, and the shared
    // weight table pays for the memory (a 2-thread run of 30,000 rows peaked
    // at 264 MB; 48 MB went over 300).
    const w = new Worker(url, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 128 } });
    w.on('message', (msg: { seq: number; model: string; results: string[] }) => {
      load[k]!--;
      model = msg.model;
      pending.get(msg.seq)?.resolve(msg.results);
      pending.delete(msg.seq);
    });
    w.on('error', (err) => {
      for (const p of pending.values()) p.reject(new Error(`tagging thread failed: ${err.message}`));
      pending.clear();
    });
    return w;
  });
  let seq = 0;
  return {
    get model() {
      return model;
    },
    tag(records, shape) {
      const k = load.indexOf(Math.min(...load));
      load[k]!++;
      const id = seq++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        threads[k]!.postMessage({ seq: id, records, shape });
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
