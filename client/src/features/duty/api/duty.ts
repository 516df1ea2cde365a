// The on-duty board (refreshed every 30 s and on demand), approved absences, and recording one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { absenceDtoSchema, dutyBoardDtoSchema, type CreateAbsenceBody } from "../../../../../server/src/contracts/shifts.ts";
import { apiGet, apiPost } from "../../../lib/apiClient.ts";

export const useDutyBoard = () =>
  useQuery({ queryKey: ["duty", "board"], queryFn: ({ signal }) => apiGet("/api/shifts/board", dutyBoardDtoSchema, { signal }), refetchInterval: 30_000 });

export const useAbsences = (enabled: boolean) =>
  useQuery({ queryKey: ["duty", "absences"], queryFn: ({ signal }) => apiGet("/api/absences", z.object({ items: z.array(absenceDtoSchema) }), { signal }), enabled });

export function useRecordAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAbsenceBody) => apiPost("/api/absences", body, absenceDtoSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["duty"] }),
  });
}
