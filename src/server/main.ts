import { pino } from 'pino';
import { createTagger } from '../tagger/tagger.js';
import { VERSION } from '../version.js';
import { createApp, type AppState } from './app.js';
import { configFromEnv } from './config.js';
import { openDb } from '../store/db.js';
import { apiKeysConfigured } from '../auth/accounts.js';
import { isLoopbackHost } from './loopback.js';

/*
 * `npm start`: serve the shipped model. The model is loaded before the port
 * opens, so /healthz and /readyz are 200 from the first request. SIGTERM
 * stops accepting, lets in-flight requests finish, then exits.
 */
const config = configFromEnv();
// Asynchronous writes: a request's log line never blocks the event loop on a
// slow stdout (a pipe to a log shipper); pino flushes what is left on exit.
const logger = pino({ level: config.LOG_LEVEL, base: { service: 'motag' } }, pino.destination({ sync: false }));
const db = openDb(config.DB_PATH);
// With no pipeline keys the tag routes are open, so only this machine may reach them.
if (!isLoopbackHost(config.HOST) && !apiKeysConfigured(db)) {
  logger.fatal({ host: config.HOST }, `no pipeline API keys are configured, so motag listens on loopback only; add one with "motag keys add NAME --db ${config.DB_PATH}" or leave HOST unset`);
  process.exit(1);
}
const tagger = createTagger(config.MODEL_PATH ? { modelPath: config.MODEL_PATH } : {});
const state: AppState = { accepting: true };
const app = createApp({ tagger, db, config, logger, version: VERSION, state });

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
    db.close();
    logger.info('stopped');
    process.exit(0);
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
