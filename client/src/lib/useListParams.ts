// Paging, search and filters of a list page live in the URL, so reload, back/forward and shared links
// land on the same page of the same search.
import { useCallback } from "react";
import { useSearchParams } from "react-router";
import type { QueryParams } from "./apiClient.ts";

export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 500;

export interface ListParams {
  page: number;
  pageSize: number;
  q: string;
  filters: Record<string, string>;
  /** The query string sent to the API. */
  query: QueryParams;
  /** Merges changes into the URL; any change other than the page itself starts again at page 1. */
  update: (changes: Partial<{ page: number; pageSize: number; q: string }> & { filters?: Record<string, string | undefined> }) => void;
}

function positiveInt(raw: string | null, fallback: number, max: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

export function useListParams(filterKeys: readonly string[] = []): ListParams {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = positiveInt(searchParams.get("page"), 1, 100_000);
  const pageSize = positiveInt(searchParams.get("pageSize"), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const q = searchParams.get("q") ?? "";
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = searchParams.get(key);
    if (value) filters[key] = value;
  }
  const query: QueryParams = { page, pageSize, q: q || undefined, ...filters };

  const update = useCallback<ListParams["update"]>(
    (changes) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        const set = (key: string, value: string | number | undefined) => {
          if (value === undefined || value === "") next.delete(key);
          else next.set(key, String(value));
        };
        if (changes.pageSize !== undefined) set("pageSize", changes.pageSize === DEFAULT_PAGE_SIZE ? undefined : changes.pageSize);
        if (changes.q !== undefined) set("q", changes.q.trim());
        for (const [key, value] of Object.entries(changes.filters ?? {})) set(key, value);
        const onlyPaging = changes.q === undefined && changes.filters === undefined && changes.pageSize === undefined;
        set("page", onlyPaging && changes.page !== undefined && changes.page > 1 ? changes.page : undefined);
        return next;
      });
    },
    [setSearchParams],
  );

  return { page, pageSize, q, filters, query, update };
}
