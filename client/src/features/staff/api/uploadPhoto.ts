// Uploads a staff photo as a browser form (multipart, one "file" field); the server checks the bytes.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { staffDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import { apiUpload } from "../../../lib/apiClient.ts";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_ACCEPT = ["image/jpeg", "image/png", "image/webp"];

export function useUploadPhoto(staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return apiUpload(`/api/staff/${staffId}/photo`, form, staffDtoSchema);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["staff"] }),
  });
}
