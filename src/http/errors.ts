import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

/** An error the client can act on: INTERFACE.md's `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `no route ${req.method} ${req.path}`));
};

/**
 * Maps every error to a JSON answer. Body-parser's own messages are not
 * passed on: for invalid JSON they quote the body, and the body is a police
 * narrative that must not reach logs or other systems.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const e = err as { type?: string; status?: number; expected?: number; limit?: number };
    let api: ApiError;
    if (err instanceof ApiError) api = err;
    else if (e.type === 'entity.parse.failed') api = new ApiError(400, 'invalid_json', 'request body is not valid JSON');
    else if (e.type === 'entity.too.large') api = new ApiError(413, 'payload_too_large', `request body is over the ${e.limit} byte limit`);
    else if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') api = new ApiError(415, 'unsupported_encoding', 'request body must be UTF-8 JSON');
    else if (e.type === 'request.aborted') api = new ApiError(400, 'request_aborted', 'the request was aborted');
    else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) api = new ApiError(e.status, 'bad_request', 'the request could not be read');
    else {
      logger.error({ reqId: res.locals.requestId as string | undefined, err: { name: (err as Error).name, stack: (err as Error).stack } }, 'unexpected error');
      api = new ApiError(500, 'internal_error', 'the request could not be processed');
    }
    if (res.headersSent) return;
    res.status(api.status).json({ error: { code: api.code, message: api.message, ...(api.details !== undefined ? { details: api.details } : {}) } });
  };
}
