// Live case warnings for supervisors: /supervisor pushes case.* events; the lists refetch on each.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import { unpackSupervisorBatches } from "../../../lib/supervisorBatches.ts";

export function useCaseLive(enabled: boolean): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const socket = io("/supervisor", { transports: ["websocket"], withCredentials: true });
    unpackSupervisorBatches(socket);
    const refresh = () => void client.invalidateQueries({ queryKey: ["cases"] });
    const refreshRecords = () => void client.invalidateQueries({ queryKey: ["accountability"] });
    socket.on("connect", () => setConnected(true));
    socket.on("disconnect", () => setConnected(false));
    socket.on("case.warning", refresh);
    socket.on("case.changed", refresh);
    socket.on("accountability.proposed", refreshRecords);
    socket.on("accountability.decided", refreshRecords);
    return () => {
      socket.close();
    };
  }, [client, enabled]);
  return connected;
}
