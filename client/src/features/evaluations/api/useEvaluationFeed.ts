// The live feed: the latest ratings from the API, then every evaluation.created from /supervisor as it
// arrives (newest first, capped).
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import { recentEvaluationsSchema } from "../../../../../server/src/contracts/evaluations.ts";
import type { EvaluationFeedItem } from "../../../../../server/src/contracts/kiosk.ts";
import { apiGet } from "../../../lib/apiClient.ts";
import { unpackSupervisorBatches } from "../../../lib/supervisorBatches.ts";

const KEEP = 200;

export function useEvaluationFeed() {
  const recent = useQuery({ queryKey: ["evaluations", "recent"], queryFn: () => apiGet("/api/evaluations/recent", recentEvaluationsSchema, { query: { limit: 50 } }) });
  const [live, setLive] = useState<EvaluationFeedItem[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const socket = io("/supervisor", { transports: ["websocket"], withCredentials: true });
    unpackSupervisorBatches(socket);
    socket.on("connect", () => setConnected(true));
    socket.on("disconnect", () => setConnected(false));
    socket.on("evaluation.created", (env: { data: EvaluationFeedItem }) => setLive((cur) => [env.data, ...cur].slice(0, KEEP)));
    return () => {
      socket.close();
    };
  }, []);
  const seen = new Set(live.map((e) => e.id));
  const items = [...live, ...(recent.data?.items ?? []).filter((e) => !seen.has(e.id))].slice(0, KEEP);
  return { items, connected, recent };
}
