// Fetching one page of a server-side paged list (`Page<T>` in the contracts), validated item by item.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { z, type ZodType } from "zod";
import type { Page } from "../../../server/src/contracts/common.ts";
import { apiGet, type QueryParams } from "./apiClient.ts";

export function pageSchema<T>(item: ZodType<T>): ZodType<Page<T>> {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export function fetchPage<T>(path: string, item: ZodType<T>, query: QueryParams, signal?: AbortSignal): Promise<Page<T>> {
  return apiGet(path, pageSchema(item), { query, signal });
}

/** One page of `path` as a query keyed by its resource name and the exact query sent. */
export function usePagedList<T>(resource: string, path: string, item: ZodType<T>, query: QueryParams) {
  return useQuery({
    queryKey: [resource, "page", query],
    queryFn: ({ signal }) => fetchPage(path, item, query, signal),
    placeholderData: keepPreviousData,
  });
}
