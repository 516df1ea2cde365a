// The staff member's photo in the edit form (the kiosk and the hall display show it): the current one
// and an upload button. Type and size are checked here for a quick answer; the server checks the bytes.
import { useState } from "react";
import { Alert, Avatar, Button, Flex, Typography, Upload } from "antd";
import { UploadOutlined, UserOutlined } from "@ant-design/icons";
import { ApiError } from "../../../lib/apiError.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { PHOTO_ACCEPT, PHOTO_MAX_BYTES, useUploadPhoto } from "../api/uploadPhoto.ts";

export function StaffPhotoField({ staffId, hasPhoto }: { staffId: number; hasPhoto: boolean }) {
  const { lang, t } = useLanguage();
  const a = t.assign;
  const upload = useUploadPhoto(staffId);
  // A new photo has a new content hash, but this URL does not: bump it so the browser refetches
  const [version, setVersion] = useState(0);
  const [local, setLocal] = useState<string | null>(null);
  const shown = hasPhoto || version > 0;

  const check = (file: File): string | null => {
    if (!PHOTO_ACCEPT.includes(file.type)) return a.photoWrongType;
    if (file.size > PHOTO_MAX_BYTES) return a.photoTooLarge;
    return null;
  };

  return (
    <Flex vertical gap={8} data-testid="staff-photo">
      <Flex gap={16} align="center">
        <Avatar size={96} shape="square" icon={<UserOutlined />} src={shown ? `/api/staff/${staffId}/photo?size=256&v=${version}` : undefined} alt={a.photo} />
        <Upload
          accept={PHOTO_ACCEPT.join(",")}
          showUploadList={false}
          maxCount={1}
          customRequest={({ file }) => {
            if (!(file instanceof File)) return;
            upload.mutate(file, { onSuccess: () => setVersion((v) => v + 1) });
          }}
          beforeUpload={(file) => {
            const problem = check(file);
            setLocal(problem);
            return problem === null ? true : Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>{a.uploadPhoto}</Button>
        </Upload>
      </Flex>
      <Typography.Text type="secondary">{a.photoHint}</Typography.Text>
      {upload.isSuccess && version > 0 ? <Typography.Text type="success" data-testid="staff-photo-saved">{a.photoSaved}</Typography.Text> : null}
      {local ? <Alert type="error" showIcon title={local} /> : null}
      {upload.isError ? <Alert type="error" showIcon title={upload.error instanceof ApiError ? upload.error.localized(lang) : t.networkError} data-testid="staff-photo-error" /> : null}
    </Flex>
  );
}
