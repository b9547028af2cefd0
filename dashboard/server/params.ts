/** Query-parameter schemas shared by the API routes, and the one way they answer bad input. */
import type { Context } from 'hono';
import { z } from 'zod';

export const year = z.coerce.number().int().min(2000).max(2100);
export const schoolId = z.string().regex(/^[\p{L}\p{N}_.-]{1,64}$/u);
export const grade = z.coerce.number().int().min(1).max(11);
export const label = z.string().min(1).max(100);

/** A 400 answer with a Russian `{ error }`. */
export const badRequest = (c: Context, error: string) => c.json({ error }, 400);

/**
 * The request's query parsed by `schema`, or a 400 answer telling in Russian what is expected:
 * `const query = parseQuery(c, schema, '…'); if (query instanceof Response) return query;`
 */
export function parseQuery<S extends z.ZodType>(
  c: Context,
  schema: S,
  message: string,
): z.infer<S> | Response {
  const parsed = schema.safeParse(c.req.query());
  return parsed.success ? parsed.data : badRequest(c, message);
}
