// The import dialog of a master-data list: download the template, upload the filled-in file, and
// either the counts or the row-by-row error list (row, column, problem — in Chinese from the server).
import { useState } from "react";
import { Alert, Button, Flex, Modal, Table, Typography, Upload } from "antd";
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { IMPORT_LABELS, type ImportKind } from "../../../../../server/src/contracts/imports.ts";
import type { ErrorIssue } from "../../../../../server/src/contracts/errors.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { templateUrl, useImportSpreadsheet } from "../api/importSpreadsheet.ts";

interface IssueRow {
  key: number;
  row: string;
  column: string;
  problem: string;
}

/** Issue paths are "<row>.<column header>"; the message already names both, so show the rest. */
function issueRows(issues: ErrorIssue[], lang: "zh-CN" | "en"): IssueRow[] {
  return issues.map((issue, key) => {
    const dot = issue.path.indexOf(".");
    const message = lang === "en" ? issue.messageEn : issue.message;
    return { key, row: issue.path.slice(0, dot), column: issue.path.slice(dot + 1), problem: message.replace(/^第 \d+ 行「[^」]*」：/, "") };
  });
}

export function ImportButton({ kind }: { kind: ImportKind }) {
  const { lang, t } = useLanguage();
  const [open, setOpen] = useState(false);
  const mutation = useImportSpreadsheet(kind);
  const what = pickLabel(IMPORT_LABELS[kind], lang);
  const error = mutation.error instanceof ApiError ? mutation.error : null;

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => { mutation.reset(); setOpen(true); }}>
        {t.masterEdit.importExcel}
      </Button>
      <Modal title={t.imports.title(what)} open={open} onCancel={() => setOpen(false)} footer={null} width={760} destroyOnHidden>
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{t.imports.rules}</Typography.Text>
          <Flex gap={12} wrap>
            <Button icon={<DownloadOutlined />} href={templateUrl(kind)} download>
              {t.imports.downloadTemplate}
            </Button>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              beforeUpload={(file) => {
                mutation.mutate(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={mutation.isPending} data-testid="import-choose">
                {t.imports.chooseFile}
              </Button>
            </Upload>
          </Flex>
          {mutation.data ? <Alert type="success" showIcon title={t.imports.done(mutation.data.created, mutation.data.updated)} data-testid="import-done" /> : null}
          {mutation.isError ? (
            <Alert
              type="error"
              showIcon
              data-testid="import-error"
              title={error ? error.localized(lang) : t.imports.rejected}
              description={
                error && error.issues.length > 0 ? (
                  <Table<IssueRow>
                    size="small"
                    pagination={error.issues.length > 10 ? { pageSize: 10 } : false}
                    dataSource={issueRows(error.issues, lang)}
                    columns={[
                      { title: t.imports.row, dataIndex: "row", width: 60 },
                      { title: t.imports.column, dataIndex: "column", width: 160 },
                      { title: t.imports.problem, dataIndex: "problem" },
                    ]}
                  />
                ) : null
              }
            />
          ) : null}
        </Flex>
      </Modal>
    </>
  );
}
