// The public catalogue's reads (no login). Answers are public and cacheable, so they stay fresh for a minute.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { publicCatalogDtoSchema, publicItemDtoSchema, publicItemSummarySchema } from "../../../../../server/src/contracts/masterData.ts";
import { apiGet, type QueryParams } from "../../../lib/apiClient.ts";
import { pageSchema } from "../../../lib/pagedList.ts";

const STALE = 60_000;

export const useCatalog = () =>
  useQuery({ queryKey: ["catalog"], queryFn: ({ signal }) => apiGet("/api/public/catalog", publicCatalogDtoSchema, { signal }), staleTime: STALE });

export const useCatalogItems = (query: QueryParams) =>
  useQuery({
    queryKey: ["catalog", "items", query],
    queryFn: ({ signal }) => apiGet("/api/public/catalog/items", pageSchema(publicItemSummarySchema), { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: STALE,
  });

export const useCatalogItem = (id: number) =>
  useQuery({
    queryKey: ["catalog", "item", id],
    queryFn: ({ signal }) => apiGet(`/api/public/catalog/items/${id}`, publicItemDtoSchema, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    staleTime: STALE,
    retry: false,
  });
