#!/usr/bin/env node
// Bounded load test of the HTTP service on loopback: npm run bench:http
// Starts the service on a free port, then for single and batch requests runs
// (1) a fixed rate, open loop: requests are sent on schedule whether or not
// earlier ones have answered, and latency counts from the scheduled time, so
// queueing is not hidden; (2) as fast as 10 connections go (autocannon).
// 10 s each; prints requests/s with p50 and p99 latency. Loopback only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// The service runs exactly as `npm start` runs it, V8 flags included.
const startScript = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
const nodeFlags = startScript.split(/\s+/).filter((w) => w.startsWith('--'));
const dbPath = join(mkdtempSync(join(tmpdir(), 'motag-bench-http-')), 'motag.db');
const server = spawn(process.execPath, [...nodeFlags, join(root, 'dist', 'server', 'main.js')], { env: { ...process.env, DB_PATH: dbPath, PORT: '0', HOST: '127.0.0.1', AUTH: 'none', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((resolve, reject) => {
  let out = '';
  const onData = (d) => {
    out += d;
    const m = /"port":(\d+)/.exec(out);
    if (!m) return;
    // Stop reading lines once the port is known: scanning a growing log in
    // this process would take CPU from the load generator.
    server.stdout.off('data', onData);
    resolve(Number(m[1]));
  };
  server.stdout.on('data', onData);
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});
// The service logs one line per request, as in production: keep the logs
// flowing (into a pipe that is drained and discarded here).
server.stdout.resume();

const texts = [
  'S1 was drunk and punched the IP outside the kebab shop after leaving the club at 02:30',
  "IP's boyfriend pushed her over in the kitchen, DV, no injuries",
  'Male begging outside Tesco became abusive to shoppers, very drunk',
  'Unknown male stole pedal cycle from the rack, lock cut',
  "S1 is the IP's brother, argument over money, he slapped her",
];
const single = JSON.stringify({ id: 'r1', text: texts[0] });
const batch = JSON.stringify({ records: Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, text: texts[i % texts.length] })) });

/**
 * Open-loop load at a fixed rate for SECONDS, latency from each request's
 * scheduled send time. The client is a few lines over raw keep-alive sockets
 * with the request bytes prepared once: Node's http client costs tens of
 * microseconds and a few kilobytes of garbage per request, and on a two-core
 * machine that overhead and its garbage collections land in the service's
 * latency figures.
 */
function fixedRate(name, body, path, rate, seconds = SECONDS) {
  const payload = Buffer.from(body);
  const requestBytes = Buffer.concat([
    Buffer.from(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${payload.length}\r\n\r\n`),
    payload,
  ]);
  const total = Math.round(rate * seconds);
  const latencies = [];
  const idle = [];
  const all = [];
  const backlog = [];
  let errors = 0;
  let done = 0;
  let sent = 0;
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const complete = (conn, ok) => {
      latencies.push(Number(process.hrtime.bigint() - conn.scheduled) / 1e6);
      if (!ok) errors++;
      if (++done === total) return finish();
      const next = backlog.shift();
      if (next !== undefined) dispatch(conn, next);
      else idle.push(conn);
    };
    const open = () => {
      const socket = connect({ host: '127.0.0.1', port, noDelay: true });
      const conn = { socket, scheduled: 0n, chunks: [] };
      socket.on('data', (chunk) => {
        conn.chunks.push(chunk);
        const buf = conn.chunks.length === 1 ? chunk : Buffer.concat(conn.chunks);
        const headerEnd = buf.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const head = buf.toString('latin1', 0, headerEnd);
        const m = /content-length:\s*(\d+)/i.exec(head);
        if (!m || buf.length < headerEnd + 4 + Number(m[1])) return;
        conn.chunks = [];
        complete(conn, head.startsWith('HTTP/1.1 200'));
      });
      socket.on('error', () => {
        errors++;
      });
      all.push(conn);
      return conn;
    };
    const dispatch = (conn, scheduled) => {
      conn.scheduled = scheduled;
      conn.socket.write(requestBytes);
    };
    const send = (scheduled) => {
      const conn = idle.pop() ?? (all.length < 64 ? open() : undefined);
      if (conn) dispatch(conn, scheduled);
      else backlog.push(scheduled);
    };
    const tick = () => {
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      // Request k (from 0) is due at k / rate: send every request whose time has come.
      const due = Math.min(total, Math.floor(elapsed * rate) + 1);
      while (sent < due) {
        send(start + BigInt(Math.round((sent / rate) * 1e9)));
        sent++;
      }
      // A timer, not setImmediate: a spinning generator would take one of the
      // machine's two cores from the service. Timer lateness (up to about a
      // millisecond) counts against the service, since latency runs from the
      // scheduled time.
      if (sent < total) setTimeout(tick, 0);
    };
    const finish = () => {
      for (const c of all) c.socket.destroy();
      latencies.sort((a, b) => a - b);
      const q = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 100) / 100;
      const secs = Number(process.hrtime.bigint() - start) / 1e9;
      resolve({ name, rate: `${rate}/s fixed`, rps: Math.round(total / secs), p50: q(0.5), p99: q(0.99), errors });
    };
    tick();
  });
}

async function run(name, body, path, rate) {
  // A warm-up at the same rate first: the first second after start-up is JIT
  // compilation, not the service's steady state.
  if (rate) return fixedRate(name, body, path, rate, 3).then(() => fixedRate(name, body, path, rate));
  const opts = { url: `http://127.0.0.1:${port}${path}`, method: 'POST', headers: { 'content-type': 'application/json' }, body, duration: SECONDS, connections: 10 };
  const r = await autocannon(opts);
  return { name, rate: 'max, 10 connections', rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

try {
  const rows = [
    await run('single', single, '/v1/tag', 1000),
    await run('single', single, '/v1/tag'),
    await run('batch of 100', batch, '/v1/tag/batch', 20),
    await run('batch of 100', batch, '/v1/tag/batch'),
  ];
  console.log(`motag HTTP benchmark: ${SECONDS} s per run, loopback, node ${process.version}`);
  console.log('| request | load | requests/s | p50 ms | p99 ms | errors |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.rate} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`);
} finally {
  server.kill('SIGTERM');
}
