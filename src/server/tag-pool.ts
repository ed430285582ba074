import { Worker, type ResourceLimits } from 'node:worker_threads';
import { DeadlineExceeded, TaggingFailed, type RecordTagging, type TaggedRecord, type TaggerInfo } from './tagging.js';

/*
 * The HTTP service's tagging threads. Each thread has at most one job (one
 * request's records), so a job that overruns its deadline can be stopped by
 * terminating its thread without losing anyone else's work; a fresh thread
 * takes its place. Jobs wait in arrival order for a free thread, and the
 * deadline counts from the request, so waiting counts too. The batch command
 * has its own pool (src/batch/taggers.ts): it streams chunks with no deadline.
 */
export interface PoolOptions {
  readonly threads: number;
  /** The worker script; tests pass one that speaks the same messages. */
  readonly workerUrl?: URL;
  readonly workerData?: unknown;
  readonly onReplace?: (reason: string) => void;
}

interface Job {
  readonly seq: number;
  readonly records: readonly { id: string | null; text: string }[];
  readonly resolve: (r: TaggedRecord[]) => void;
  readonly reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  ready: boolean;
}

/*
 * A capped heap per thread: a runaway record runs its own thread out of
 * memory (answered 503, thread replaced) rather than the process.
 */
const LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256 };

export function workerPoolTagging(opts: PoolOptions): Promise<RecordTagging & { readonly replaced: number }> {
  const url = opts.workerUrl ?? new URL('./tag-worker.js', import.meta.url);
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let seq = 0;
  let replaced = 0;
  let closing = false;
  let info: TaggerInfo | null = null;
  let readyResolve: (i: TaggerInfo) => void;
  let readyReject: (e: Error) => void;
  const ready = new Promise<TaggerInfo>((res, rej) => ((readyResolve = res), (readyReject = rej)));

  const dispatch = (): void => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.ready || slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ seq: job.seq, records: job.records });
    }
  };

  const replace = (slot: Slot, reason: string): void => {
    const old = slot.worker;
    old.removeAllListeners();
    old.on('error', () => {});
    void old.terminate();
    if (closing) return;
    replaced++;
    opts.onReplace?.(reason);
    start(slot);
  };

  const start = (slot: Slot): void => {
    const w = new Worker(url, { workerData: opts.workerData, resourceLimits: LIMITS });
    slot.worker = w;
    slot.ready = false;
    slot.job = null;
    w.on('message', (msg: { ready?: TaggerInfo; seq?: number; results?: TaggedRecord[] }) => {
      if (msg.ready) {
        info ??= msg.ready;
        readyResolve(info);
        slot.ready = true;
      } else if (slot.job && msg.seq === slot.job.seq) {
        const job = slot.job;
        slot.job = null;
        clearTimeout(job.timer);
        job.resolve(msg.results!);
      }
      dispatch();
    });
    const fail = (reason: string) => {
      if (!slot.ready && !info) return readyReject(new Error(`tagging thread failed to start: ${reason}`));
      const job = slot.job;
      if (job) {
        clearTimeout(job.timer);
        job.reject(new TaggingFailed(`a tagging thread failed (${reason})`));
      }
      replace(slot, reason);
      dispatch();
    };
    w.on('error', (err) => fail(err.message));
    w.on('exit', (code) => fail(`exited ${code}`));
  };

  for (let k = 0; k < Math.max(1, opts.threads); k++) {
    const slot = { job: null, ready: false } as unknown as Slot;
    slots.push(slot);
    start(slot);
  }

  return ready.then((model) => ({
    info: model,
    get replaced() {
      return replaced;
    },
    tag(records, deadlineMs) {
      if (closing) return Promise.reject(new TaggingFailed('the service is shutting down'));
      return new Promise<TaggedRecord[]>((resolve, reject) => {
        const job: Job = { seq: seq++, records, resolve, reject };
        job.timer = setTimeout(() => {
          const waiting = queue.indexOf(job);
          if (waiting >= 0) queue.splice(waiting, 1);
          const slot = slots.find((s) => s.job === job);
          if (slot) replace(slot, 'deadline exceeded');
          reject(new DeadlineExceeded(`tagging took over the ${deadlineMs} ms deadline`));
          dispatch();
        }, deadlineMs);
        queue.push(job);
        dispatch();
      });
    },
    async close() {
      closing = true;
      for (const job of queue.splice(0)) {
        clearTimeout(job.timer);
        job.reject(new TaggingFailed('the service is shutting down'));
      }
      await Promise.all(
        slots.map((s) => {
          s.worker.removeAllListeners();
          return s.worker.terminate();
        }),
      );
    },
  }));
}
