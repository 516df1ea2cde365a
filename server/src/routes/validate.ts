// Every input goes through one of the contracts' zod schemas before a handler touches it.
import type { z } from "zod";
import { errors } from "../errors.ts";

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw errors.validation(result.error);
  return result.data;
}

export const pageArgs = (q: { page: number; pageSize: number }) => ({ skip: (q.page - 1) * q.pageSize, take: q.pageSize });
