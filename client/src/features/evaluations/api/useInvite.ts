// 邀请评价: the staff member's button sends an invitation to the pad of the window they are signed in to.
import { useMutation } from "@tanstack/react-query";
import { invitationDtoSchema } from "../../../../../server/src/contracts/evaluations.ts";
import { apiPost } from "../../../lib/apiClient.ts";

export const useInvite = () => useMutation({ mutationFn: () => apiPost("/api/invitations", {}, invitationDtoSchema) });
