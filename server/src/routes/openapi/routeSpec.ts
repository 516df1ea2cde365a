// A route's description for the OpenAPI document, carried by the route itself: `spec({...})` is a
// pass-through middleware placed first in the route's chain, so the schemas sit next to the handler
// that parses with them and a new route cannot be described somewhere else and forgotten:
//
//   router.post("/absences", spec({ summary: "Record an absence", body: createAbsenceBodySchema, response: absenceDtoSchema }), async (ctx) => …)
//
// buildDocument.ts reads it from the live router; routes without one fall back to describe.ts, and
// test/api/openapi.test.ts fails for any route described by neither.
import type { z } from "zod";

export interface RouteDescription {
  summary: string;
  /** Defaults to the path's first segment after /api */
  tag?: string;
  /** Path parameters; without it each :param is a positive integer */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A write that takes no body (an action on the path's resource); the coverage test asks writes for one of body, consumes, noBody */
  noBody?: true;
  response?: z.ZodType;
  /** A binary answer (Excel, image) instead of JSON */
  produces?: string;
  /** A binary or form request body instead of JSON */
  consumes?: string[];
  /** No session needed */
  public?: boolean;
}

const DESCRIPTION = Symbol("hallwatch.openapi");

type Described = ((ctx: unknown, next: () => Promise<unknown>) => Promise<unknown>) & { [DESCRIPTION]: RouteDescription };

export function spec(description: RouteDescription): Described {
  const passThrough = (_ctx: unknown, next: () => Promise<unknown>) => next();
  return Object.assign(passThrough, { [DESCRIPTION]: description });
}

/** The description a route layer carries, if any. */
export function specOf(layer: { stack: readonly unknown[] }): RouteDescription | undefined {
  for (const fn of layer.stack) {
    if (typeof fn === "function" && DESCRIPTION in fn) return (fn as Described)[DESCRIPTION];
  }
  return undefined;
}
