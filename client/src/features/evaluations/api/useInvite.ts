// 邀请评价: the staff member's button sends an invitation to the pad of the window they are signed in to;
// 取消邀请 takes it back (the citizen left without rating) and the pad returns to its idle screen.
import { useMutation } from "@tanstack/react-query";
import { invitationDtoSchema } from "../../../../../server/src/contracts/evaluations.ts";
import { apiPost } from "../../../lib/apiClient.ts";

export const useInvite = () => useMutation({ mutationFn: () => apiPost("/api/invitations", {}, invitationDtoSchema) });

export const useCancelInvitation = () =>
  useMutation({ mutationFn: (invitationId: string) => apiPost(`/api/invitations/${encodeURIComponent(invitationId)}/cancel`, {}, invitationDtoSchema) });
