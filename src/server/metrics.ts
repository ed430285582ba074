import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestHandler } from 'express';
import type { TagId } from '../tags.js';

/** Prometheus metrics: requests and latency per route, tags emitted per tag, process health. */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'motag_http_requests_total', help: 'HTTP requests by route, method and status', labelNames: ['route', 'method', 'status'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'motag_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['route', 'method'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly tags = new Counter({ name: 'motag_tags_emitted_total', help: 'Tags given, by tag', labelNames: ['tag'], registers: [this.registry] });
  private readonly records = new Counter({ name: 'motag_records_tagged_total', help: 'Records tagged', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'motag_' });
  }

  /** Times every request; the route label is the matched route, so ids and typos do not explode cardinality. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const end = this.latency.startTimer();
      res.on('finish', () => {
        const route = (req.route?.path as string | undefined) ?? 'unmatched';
        end({ route, method: req.method });
        this.requests.inc({ route, method: req.method, status: String(res.statusCode) });
      });
      next();
    };
  }

  recordResults(results: readonly { readonly tags: readonly TagId[] }[]): void {
    this.records.inc(results.length);
    for (const r of results) for (const t of r.tags) this.tags.inc({ tag: t });
  }
}
