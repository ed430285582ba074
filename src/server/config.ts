import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../text/narrative.js';
import { DEFAULT_DB_PATH } from '../store/db.js';

/*
 * Service configuration, from the environment only, so `npm start` needs no
 * setup and an orchestrator sets what it must. Every variable is documented
 * in the README; a bad value stops start-up with the variable named.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  // Loopback by default: narratives are personal data, so listening more
  // widely is a deliberate choice (HOST=0.0.0.0).
  HOST: z.string().min(1).default('127.0.0.1'),
  MODEL_PATH: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BATCH: z.coerce.number().int().positive().default(1000),
  MAX_TEXT_LENGTH: z.coerce.number().int().positive().default(MAX_TEXT_LENGTH),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  // The embedded database of review runs, reviews, reviewers and API keys.
  DB_PATH: z.string().min(1).default(DEFAULT_DB_PATH),
  // Mark the session cookie Secure: set when the service sits behind HTTPS.
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  // Who may call the tag routes and /metrics (http/access.ts AuthMode): keys
  // (a live pipeline key always), none (open: explicit, loopback only,
  // main.ts), auto (default: open on loopback until the first key is ever
  // made, then keys for good). The service never falls open because keys
  // were revoked.
  AUTH: z.enum(['auto', 'keys', 'none']).default('auto'),
  // Tagging threads; a slow record holds one thread, never the request thread.
  TAG_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  // Longest a tag request may take, waiting for a thread included: then 503
  // and the thread is replaced.
  TAG_DEADLINE_MS: z.coerce.number().int().positive().default(10_000),
  // Largest answer sent: a batch of long narratives dense with cues carries
  // far more evidence than text. Over it: 413, send fewer records.
  MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  // Tag requests one caller (a pipeline key, or an address where no key is
  // needed) may have in flight; more answer 429 with Retry-After, so one
  // pipeline cannot queue everyone else past their deadline (http/in-flight.ts).
  MAX_IN_FLIGHT_PER_CALLER: z.coerce.number().int().positive().default(32),
  // Proxy hops in front of the service whose X-Forwarded-For is believed
  // (express 'trust proxy'); 0: the client address is the socket's and
  // X-Forwarded-For is ignored, so nobody can pose as another address.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export type ServiceConfig = z.infer<typeof EnvSchema>;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`motag: invalid configuration: ${issues}`);
  }
  return parsed.data;
}

export const DEFAULT_CONFIG: ServiceConfig = configFromEnv({});
