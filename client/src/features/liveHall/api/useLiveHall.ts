// The live map's data: one HallSync (snapshot + numbered deltas from /supervisor) per mounted page.
import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import { hallSnapshotSchema } from "../../../../../server/src/contracts/liveHall.ts";
import { apiGet } from "../../../lib/apiClient.ts";
import { HallSync, type HallView } from "../lib/hallSync.ts";
import { unpackSupervisorBatches } from "../../../lib/supervisorBatches.ts";

const EMPTY: HallView = { snapshot: null, tiles: new Map(), seq: 0, status: "loading", loads: 0 };

export function useLiveHall(centerId: number | undefined): HallView {
  const [view, setView] = useState<HallView>(EMPTY);
  useEffect(() => {
    setView(EMPTY);
    const socket = io("/supervisor", { transports: ["websocket"], withCredentials: true });
    unpackSupervisorBatches(socket);
    const sync = new HallSync(socket, () => apiGet("/api/live/snapshot", hallSnapshotSchema, { query: { centerId } }), setView);
    sync.start();
    return () => {
      sync.stop();
      socket.close();
    };
  }, [centerId]);
  return view;
}
