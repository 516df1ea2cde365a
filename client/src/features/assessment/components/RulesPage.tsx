// 考核细则: the rules version in force and its history; an administrator edits them here and each save
// makes a new version (periods already computed keep theirs). The form is checked with the API's own
// schema before sending, and the server's objections are put on the fields they name, in zh or en.
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Switch, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { ACCOUNTABILITY_KINDS } from "../../../../../server/src/contracts/accountability.ts";
import { putRulesBodySchema, type RuleSetDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { BASE_COMPONENTS, COMMENDATION_KINDS, RATING_LEVELS, type AssessmentRules } from "../../../../../server/src/contracts/assessmentRules.ts";
import { DEFAULT_CHECKLIST } from "../../../../../server/src/contracts/inspections.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useRuleVersions, useRulesInForce, useSaveRules } from "../api/assessment.ts";
import { componentLabel, sumPoints } from "../lib/componentLabel.ts";
import { placeServerIssues, placeZodIssues, type PlacedIssues } from "../lib/rulesIssues.ts";
import { useAssessmentText } from "../text.ts";

interface RulesFormValues {
  rules: AssessmentRules;
  note: string;
  /** YYYY-MM-DD from the browser's date input; empty = today */
  effectiveFrom: string;
}

/** Every leaf of the rules (numbers, switches, the veto list) as a dotted form path */
function leafPaths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leafPaths(child, `${prefix}.${key}`, out);
  } else out.add(prefix);
  return out;
}

export function RulesPage() {
  const { lang, at } = useAssessmentText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canEdit = user.role === "ADMIN";
  const current = useRulesInForce();
  const versions = useRuleVersions();
  const save = useSaveRules();
  // Untyped: its field paths include the checklist codes, which are data
  const [form] = Form.useForm();
  const [basis, setBasis] = useState<RuleSetDto | null>(null);
  const [groupErrors, setGroupErrors] = useState<PlacedIssues["groups"]>({});
  const weights = Form.useWatch<AssessmentRules["weights"] | undefined>(["rules", "weights"], form);

  const shown = basis ?? current.data ?? null;
  const findingCodes = useMemo(
    () => [...new Set([...DEFAULT_CHECKLIST.map((i) => i.code), ...Object.keys(shown?.rules.deductions.inspectionFinding ?? {})])],
    [shown],
  );
  const fieldPaths = useMemo(() => {
    const paths = shown ? leafPaths(shown.rules, "rules", new Set<string>()) : new Set<string>();
    for (const code of findingCodes) paths.add(`rules.deductions.inspectionFinding.${code}`);
    paths.add("note");
    paths.add("effectiveFrom");
    return paths;
  }, [shown, findingCodes]);

  useEffect(() => {
    if (shown) form.setFieldsValue({ rules: shown.rules, note: "", effectiveFrom: "" });
  }, [shown, form]);

  const showIssues = (placed: PlacedIssues) => {
    form.setFields(placed.fields);
    setGroupErrors(placed.groups);
  };

  const submit = () => {
    const values = form.getFieldsValue(true) as RulesFormValues;
    setGroupErrors({});
    const body = {
      rules: values.rules,
      note: values.note ?? "",
      ...(values.effectiveFrom ? { effectiveFrom: values.effectiveFrom } : {}),
    };
    const parsed = putRulesBodySchema.safeParse(body);
    if (!parsed.success) {
      showIssues(placeZodIssues(parsed.error.issues, fieldPaths, lang));
      void message.error(at.rulesInvalid);
      return;
    }
    save.mutate(parsed.data, {
      onSuccess: (saved) => {
        setBasis(null);
        void message.success(at.rulesSaved(saved.version));
      },
      onError: (error) => {
        if (error instanceof ApiError && error.issues.length > 0) showIssues(placeServerIssues(error.issues, fieldPaths, lang));
      },
    });
  };

  const groupError = (path: string) =>
    groupErrors[path]?.map((m) => (
      <Typography.Text key={m} type="danger" style={{ display: "block" }} data-testid="rules-group-error">
        {m}
      </Typography.Text>
    ));
  const num = (name: (string | number)[], label: ReactNode, props: { min?: number; max?: number; step?: number } = {}) => (
    <Form.Item name={name} label={label} style={{ marginBottom: 12 }}>
      <InputNumber min={props.min ?? 0} max={props.max ?? 100} step={props.step ?? 0.5} style={{ width: 120 }} data-testid={`rules-${name.slice(1).join("-")}`} />
    </Form.Item>
  );
  const weightSum = weights ? sumPoints(BASE_COMPONENTS.map((c) => Number(weights[c] ?? 0))) : 0;

  const historyColumns: TableColumnsType<RuleSetDto> = [
    { title: at.rulesVersionCol, dataIndex: "version", width: 120, render: (v: number) => <span style={{ whiteSpace: "nowrap" }}>{at.rulesVersion(v)}</span> },
    // Version 0 is the built-in default, in force from the beginning of time
    { title: at.rulesEffectiveFrom, key: "effectiveFrom", render: (_: unknown, v) => (v.version === 0 ? at.rulesBuiltIn : v.effectiveFrom) },
    { title: at.rulesNote, dataIndex: "note", render: (n: string | null) => n ?? "—" },
    { title: at.rulesCreatedBy, key: "by", render: (_: unknown, v) => (v.createdByName ? `${v.createdByName}${v.createdAt ? ` · ${formatShanghaiDateTime(v.createdAt)}` : ""}` : "—") },
    {
      title: "",
      key: "view",
      render: (_: unknown, v) => (
        <Button size="small" onClick={() => setBasis(v)} data-testid={`rules-view-${v.version}`}>
          {at.rulesView}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle testId="rules-heading">{pickLabel(NAV_LABELS.assessmentRules, lang)}</PageTitle>
        {current.data ? <Tag color="blue" data-testid="rules-current-version">{at.rulesCurrent(current.data.version)}</Tag> : null}
      </Flex>
      {current.error ? <ErrorAlert error={current.error} onRetry={() => void current.refetch()} /> : null}
      {basis && current.data && basis.version !== current.data.version ? (
        <Alert type="info" showIcon title={at.rulesViewing(basis.version)} action={<Button size="small" onClick={() => setBasis(null)}>{at.rulesBackToCurrent}</Button>} />
      ) : null}
      {save.error && !(save.error instanceof ApiError && save.error.issues.length > 0) ? <ErrorAlert error={save.error} /> : null}
      {save.error instanceof ApiError && save.error.issues.length > 0 ? <Alert type="error" showIcon title={save.error.localized(lang)} data-testid="rules-server-error" /> : null}
      {shown ? (
        <Form form={form} layout="vertical" disabled={!canEdit} component="div">
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={at.weights} extra={<Typography.Text type={Math.abs(weightSum - 1) < 1e-9 ? "secondary" : "danger"}>{at.weightsSum(weightSum)}</Typography.Text>}>
                <Flex wrap gap={12}>
                  {BASE_COMPONENTS.map((c) => num(["rules", "weights", c], componentLabel(c, lang), { max: 1, step: 0.05 }))}
                </Flex>
                {groupError("rules.weights")}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={at.levelPoints}>
                <Flex wrap gap={12}>
                  {RATING_LEVELS.map((l) => num(["rules", "levelPoints", String(l)], at.levels[String(l) as keyof typeof at.levels], { step: 5 }))}
                </Flex>
                {groupError("rules.levelPoints")}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={at.shrinkage}>
                <Flex wrap gap={12}>
                  {num(["rules", "shrinkage", "satisfaction"], at.shrinkSatisfaction, { max: 10_000, step: 1 })}
                  {num(["rules", "shrinkage", "timeliness"], at.shrinkTimeliness, { max: 10_000, step: 1 })}
                </Flex>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={at.exclude}>
                <Flex wrap gap={24}>
                  <Form.Item name={["rules", "exclude", "unboundWalkUps"]} label={at.excludeWalkUps} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                  <Form.Item name={["rules", "exclude", "defaulted"]} label={at.excludeDefaulted} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Flex>
                <Typography.Text type="secondary">{at.appealAlwaysExcluded}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={at.deductions}>
                <Typography.Text strong>{at.inspectionFinding}</Typography.Text>
                <Flex wrap gap={12} style={{ marginTop: 8 }}>
                  {findingCodes.map((code) => num(["rules", "deductions", "inspectionFinding", code], componentLabel(`inspection.${code}`, lang).split(" · ")[1] ?? code))}
                  {num(["rules", "deductions", "otherFinding"], at.otherFinding)}
                </Flex>
                <Flex wrap gap={12}>
                  {ACCOUNTABILITY_KINDS.map((k) => num(["rules", "deductions", "accountability", k], at.accountabilityKinds[k]))}
                  {num(["rules", "deductions", "substantiatedComplaint"], at.substantiatedComplaint)}
                </Flex>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={at.bonuses}>
                <Flex wrap gap={12}>
                  {COMMENDATION_KINDS.map((k) => num(["rules", "bonuses", "perCommendation", k], at.commendationKinds[k]))}
                  {num(["rules", "bonuses", "cap"], at.bonusCap)}
                </Flex>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={at.vetoesTitle}>
                <Form.Item name={["rules", "vetoes", "accountabilityKinds"]} style={{ marginBottom: 8 }}>
                  <Checkbox.Group options={ACCOUNTABILITY_KINDS.map((k) => ({ value: k, label: at.accountabilityKinds[k] }))} />
                </Form.Item>
                <Form.Item name={["rules", "vetoes", "substantiatedComplaint"]} valuePropName="checked" label={at.vetoComplaint}>
                  <Switch />
                </Form.Item>
                {groupError("rules.vetoes.accountabilityKinds")}
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title={at.minSamples} style={{ height: "100%" }}>
                <Flex wrap gap={12}>
                  {num(["rules", "minSamples", "window"], at.minWindow, { max: 100_000, step: 1 })}
                  {num(["rules", "minSamples", "staff"], at.minStaff, { max: 100_000, step: 1 })}
                </Flex>
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card size="small" title={at.honoursTitle}>
                {(["redFlagWindows", "serviceModels"] as const).map((h) => (
                  <Flex key={h} wrap gap={12} align="end">
                    <Typography.Text strong style={{ width: 90, paddingBottom: 18 }}>
                      {h === "redFlagWindows" ? at.redFlagWindows : at.serviceModels}
                    </Typography.Text>
                    {num(["rules", "honours", h, "share"], at.share, { max: 1, step: 0.05 })}
                    {num(["rules", "honours", h, "min"], at.min, { max: 100, step: 1 })}
                    {num(["rules", "honours", h, "max"], at.max, { max: 1000, step: 1 })}
                    {groupError(`rules.honours.${h}`)}
                  </Flex>
                ))}
              </Card>
            </Col>
            {canEdit ? (
              <Col xs={24}>
                <Card size="small">
                  <Flex wrap gap={16} align="end">
                    <Form.Item name="note" label={at.rulesNote} required style={{ flex: 1, minWidth: 320, marginBottom: 0 }}>
                      <Input maxLength={500} placeholder={at.rulesNotePlaceholder} data-testid="rules-note" />
                    </Form.Item>
                    <Form.Item name="effectiveFrom" label={at.rulesEffectiveFrom} style={{ marginBottom: 0 }}>
                      <Input type="date" style={{ width: 170 }} title={at.rulesEffectiveToday} data-testid="rules-effective-from" />
                    </Form.Item>
                    <Button type="primary" loading={save.isPending} onClick={submit} data-testid="rules-save">
                      {at.rulesSave}
                    </Button>
                  </Flex>
                  {groupError("")}
                </Card>
              </Col>
            ) : null}
          </Row>
        </Form>
      ) : null}
      <Card size="small" title={at.rulesHistory}>
        {versions.error ? <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} /> : null}
        <Table<RuleSetDto> size="small" rowKey={(v) => v.version} columns={historyColumns} dataSource={versions.data ?? []} loading={versions.isFetching} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="rules-history" />
      </Card>
    </Flex>
  );
}
