import { createRequire } from 'node:module';
import express, { type Router } from 'express';

/*
 * GET / and GET /docs: a landing page and Swagger UI over /openapi.json,
 * served from the swagger-ui-dist package (no CDN: the service may run where
 * nothing outside is reachable). The page's start-up is a file, not an inline
 * script, so the Content-Security-Policy (script-src 'self') still holds.
 */
const SWAGGER_DIR = (createRequire(import.meta.url)('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();

const page = (title: string, body: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>${head}</head><body>${body}</body></html>\n`;

export function docsRouter(version: string): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.type('html').send(
      page(
        'motag',
        `<h1>motag ${version}</h1><p>Tags police MO narratives.</p><ul><li><a href="/docs">API documentation</a> (OpenAPI: <a href="/openapi.json">/openapi.json</a>)</li><li><a href="/review">Review</a> (reviewer sign-in)</li></ul>`,
      ),
    );
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(
      page('motag API', '<div id="swagger-ui"></div><script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/start.js"></script>', '<link rel="stylesheet" href="/docs/assets/swagger-ui.css">'),
    );
  });
  router.get('/docs/start.js', (_req, res) => {
    res.type('application/javascript').send("window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });\n");
  });
  router.use('/docs/assets', express.static(SWAGGER_DIR, { index: false, fallthrough: false }));
  return router;
}
