import type { Request } from 'express';
import type { z } from 'zod';
import { ApiError } from './errors.js';

/** The request body checked against a schema, or a 400 naming the first field at fault. */
export function parseBody<T>(schema: z.ZodType<T>, req: Request): T {
  if (req.body === undefined) throw new ApiError(400, 'invalid_request', 'send a JSON body with Content-Type: application/json');
  return check(schema, req.body, 'body');
}

export function parseQuery<T>(schema: z.ZodType<T>, req: Request): T {
  return check(schema, req.query, 'query');
}

function check<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = details[0]!;
    throw new ApiError(400, 'invalid_request', `${first.path || where}: ${first.message}`, details);
  }
  return parsed.data;
}
