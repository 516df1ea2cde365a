// The working-day calendar an administrator maintains: a year's entered days, adding a day, and
// declaring that a year's official calendar has been entered in full.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { CalendarDayBody } from "../../../../../server/src/contracts/calendar.ts";
import { apiGet, apiPost } from "../../../lib/apiClient.ts";

const calendarSchema = z.object({
  year: z.number().int(),
  known: z.boolean(),
  days: z.array(z.object({ date: z.string(), kind: z.enum(["HOLIDAY", "WORKDAY", "CLOSURE"]), name: z.string(), official: z.boolean() })),
});
export type Calendar = z.infer<typeof calendarSchema>;

export const useCalendar = (year: number) =>
  useQuery({ queryKey: ["calendar", year], queryFn: ({ signal }) => apiGet("/api/calendar", calendarSchema, { query: { year }, signal }) });

export function useAddCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarDayBody) => apiPost("/api/calendar/days", body, z.unknown()),
    onSuccess: (_data, body) => void queryClient.invalidateQueries({ queryKey: ["calendar", Number(body.date.slice(0, 4))] }),
  });
}

export function useDeclareCalendarYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; source: string }) => apiPost("/api/calendar/years", body, z.unknown()),
    onSuccess: (_data, body) => void queryClient.invalidateQueries({ queryKey: ["calendar", body.year] }),
  });
}
