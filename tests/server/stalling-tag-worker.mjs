// A tagging thread for tests, speaking tag-worker.ts's messages: a text
// containing STALL spins until the test opens the gate (a shared flag), as a
// pathological record would hold a thread; any other text answers at once.
import { parentPort, workerData } from 'node:worker_threads';

const gate = new Int32Array(workerData.gate);
const tags = [];
parentPort.postMessage({ ready: { model: 'stalling-test-worker', thresholds: {}, bands: null } });
parentPort.on('message', (msg) => {
  const results = msg.records.map((r) => {
    if (r.text.includes('STALL')) while (Atomics.load(gate, 0) === 0);
    const json = JSON.stringify({ id: r.id, tags, chars: r.text.length });
    return { json, bytes: Buffer.byteLength(json), tags };
  });
  parentPort.postMessage({ seq: msg.seq, results });
});
