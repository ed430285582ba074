import { pino } from 'pino';
import { VERSION } from '../version.js';
import { createApp, type AppState } from './app.js';
import { configFromEnv } from './config.js';
import { openDb } from '../store/db.js';
import { apiKeysConfigured } from '../review/accounts.js';
import { isLoopbackHost } from './loopback.js';
import { workerPoolTagging } from './tag-pool.js';

/*
 * `npm start`: serve the shipped model. Tagging runs on TAG_THREADS worker
 * threads, each with its own model, loaded before the port opens, so
 * /healthz and /readyz are 200 from the first request and answer while a
 * slow record is being tagged. SIGTERM stops accepting, lets in-flight
 * requests finish (none outlives TAG_DEADLINE_MS), then exits.
 */
const config = configFromEnv();
// Asynchronous writes: a request's log line never blocks the event loop on a
// slow stdout (a pipe to a log shipper); pino flushes what is left on exit.
const logger = pino({ level: config.LOG_LEVEL, base: { service: 'motag' } }, pino.destination({ sync: false }));
const db = openDb(config.DB_PATH);
// AUTH=none opens the tag routes and /metrics to every caller, so only this machine may reach them.
if (config.AUTH === 'none' && !isLoopbackHost(config.HOST)) {
  logger.fatal({ host: config.HOST }, 'AUTH=none (open access) is allowed on loopback only: leave HOST unset, or use pipeline keys (unset AUTH, "motag keys add NAME")');
  process.exit(1);
}
if (config.AUTH === 'keys' && !apiKeysConfigured(db)) {
  logger.warn(`no live pipeline API key: the tag routes and /metrics answer 401 until one is made with "motag keys add NAME --db ${config.DB_PATH}" (picked up within a second)`);
}
let tagging: Awaited<ReturnType<typeof workerPoolTagging>>;
try {
  tagging = await workerPoolTagging({
    threads: config.TAG_THREADS,
    workerData: config.MODEL_PATH ? { modelPath: config.MODEL_PATH } : {},
    onReplace: (reason) => logger.warn({ reason }, 'tagging thread replaced'),
  });
} catch (err) {
  logger.fatal({ err: { message: (err as Error).message } }, 'cannot load the model');
  process.exit(1);
}
const tagger = tagging.info;
const state: AppState = { accepting: true };
const app = createApp({ tagging, db, config, logger, version: VERSION, state });

const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ host: config.HOST, port, model: tagger.model }, `motag listening on http://${config.HOST}:${port}`);
});
server.on('error', (err) => {
  logger.fatal({ err: { message: err.message } }, 'cannot listen');
  process.exit(1);
});

function shutdown(signal: string): void {
  if (!state.accepting) return;
  state.accepting = false;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  server.close(() => {
    void tagging.close().then(() => {
      db.close();
      logger.info('stopped');
      process.exit(0);
    });
  });
  server.closeIdleConnections();
  setTimeout(() => {
    logger.warn('grace period over: closing remaining connections');
    server.closeAllConnections();
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
