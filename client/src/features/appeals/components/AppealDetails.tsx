// The rating, the appeal and the decision side by side: what the auditor (and everyone else) reads.
import { App, Descriptions, Image, Space } from "antd";
import { ApiError } from "../../../lib/apiError.ts";
import type { AppealDto, AppealedRatingDto } from "../../../../../server/src/contracts/appeals.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { useAttachAppealPhoto } from "../api/appeals.ts";
import { useAppealText } from "../text.ts";
import { AppealStateTag } from "./AppealStateTag.tsx";
import { RatingCell } from "./RatingCell.tsx";

/** The filer may still add (or replace) a photo while the appeal is pending. */
function AttachPhoto({ appealId }: { appealId: number }) {
  const { lang, at } = useAppealText();
  const { message } = App.useApp();
  const attach = useAttachAppealPhoto();
  return (
    <label>
      {`${at.attachPhoto}：`}
      <input type="file" accept="image/jpeg,image/png,image/webp" data-testid={`appeal-attach-photo-${appealId}`} disabled={attach.isPending}
        onChange={(e) => {
          const photo = e.target.files?.[0];
          if (photo) attach.mutate({ id: appealId, photo }, { onSuccess: () => void message.success(at.photoAttached), onError: (error) => void message.error(error instanceof ApiError ? error.localized(lang) : String(error)) });
        }} />
    </label>
  );
}

export function AppealDetails({ rating, appeal, mayAttach = false }: { rating: AppealedRatingDto; appeal: Omit<AppealDto, "rating"> | null; mayAttach?: boolean }) {
  const { at } = useAppealText();
  const dash = (v: string | null) => v ?? at.none;
  return (
    <Descriptions size="small" column={2} bordered data-testid={`appeal-details-${rating.id}`}>
      <Descriptions.Item label={at.ratedAt}>{formatShanghaiDateTime(rating.ratedAt)}</Descriptions.Item>
      <Descriptions.Item label={at.level}><RatingCell rating={rating} /></Descriptions.Item>
      <Descriptions.Item label={at.window}>{rating.windowNumber === null ? at.none : at.windowNo(rating.windowNumber)}</Descriptions.Item>
      <Descriptions.Item label={at.staff}>{rating.staffName ? `${rating.staffName}（${rating.staffNo ?? ""}）` : at.none}</Descriptions.Item>
      <Descriptions.Item label={at.department}>{dash(rating.departmentName)}</Descriptions.Item>
      <Descriptions.Item label={at.caseNo}>{dash(rating.caseNo)}</Descriptions.Item>
      <Descriptions.Item label={at.appealState} span={2}><AppealStateTag state={appeal?.state ?? null} /></Descriptions.Item>
      {appeal ? (
        <>
          <Descriptions.Item label={at.appealedAt}>{formatShanghaiDateTime(appeal.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={at.appealReason}>{appeal.reason}</Descriptions.Item>
          <Descriptions.Item label={at.evidence} span={2}>
            <Space direction="vertical">
              {dash(appeal.evidence)}
              {appeal.evidencePhoto ? <Image width={160} src={`/api/appeals/${appeal.id}/photo`} alt={at.photoAlt} data-testid={`appeal-photo-${appeal.id}`} /> : null}
              {mayAttach && appeal.state === "PENDING" ? <AttachPhoto appealId={appeal.id} /> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={at.decidedBy}>{dash(appeal.decidedByName)}</Descriptions.Item>
          <Descriptions.Item label={at.decidedAt}>{appeal.decidedAt ? formatShanghaiDateTime(appeal.decidedAt) : at.none}</Descriptions.Item>
          <Descriptions.Item label={at.decisionReason} span={2}>{dash(appeal.decisionReason)}</Descriptions.Item>
        </>
      ) : null}
    </Descriptions>
  );
}
