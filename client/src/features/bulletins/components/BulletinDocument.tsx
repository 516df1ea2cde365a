// The bulletin as the department reads it, rendered from its content (the same BulletinContent the PDF
// is made from): the center's masthead, the month's figures and standing, the staff table, the two
// charts, the lists behind the figures and the center's comment, on an A4-wide sheet.
import type { ReactNode } from "react";
import {
  RATING_LEVELS,
  type BulletinContent,
  type BulletinHonour,
  type BulletinStaffRow,
  type RatingCounts,
} from "../../../../../server/src/contracts/bulletins.ts";
import { ACCOUNTABILITY_KIND_LABELS, CONSEQUENCE_LABELS } from "../../../../../server/src/contracts/accountability.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useBulletinText, type BulletinText } from "../text.ts";
import { BulletinCharts } from "./BulletinCharts.tsx";
import "./bulletin.css";

const ratingCount = (r: RatingCounts, level: (typeof RATING_LEVELS)[number]): number => r[`level${level}`];
const score = (n: number | null): string => (n === null ? "—" : n.toFixed(2));
const day = (iso: string): string => formatShanghaiDateTime(iso).slice(0, 10);
const minute = (iso: string): string => formatShanghaiDateTime(iso).slice(0, 16);

function labelOf(labels: Record<string, { zh: string; en: string }>, key: string | null, lang: "zh-CN" | "en"): string {
  if (key === null) return "—";
  const label = labels[key];
  return label ? pickLabel(label, lang) : key;
}

export function BulletinDocument({ content, footer }: { content: BulletinContent; footer?: ReactNode }) {
  const { lang, bt } = useBulletinText();
  const { totals, standing } = content;
  const month = bt.monthName(content.month);

  return (
    <article className="bulletin-sheet" data-testid="bulletin-document">
      <header className="bulletin-masthead">
        <div className="bulletin-center" data-testid="bulletin-center">{content.center.name}</div>
        <h1 className={lang === "en" ? "bulletin-latin" : undefined}>{bt.bulletinTitle}</h1>
      </header>
      <div className="bulletin-issue">
        <span>{month}</span>
        <span data-testid="bulletin-department">{content.department.name}</span>
      </div>
      <div className="bulletin-subtitle">{bt.bulletinSubtitle(content.department.name, month)}</div>
      <div className="bulletin-period">{bt.period(content.firstDay, content.lastDay)}</div>

      <h2>{bt.overview}</h2>
      <p>{bt.overviewText(content.staff.length, totals.casesCompleted, bt.percent(totals.satisfaction), bt.percent(totals.onTimeRate))}</p>
      <p data-testid="bulletin-standing">
        {standing.rank === null ? bt.notRanked : bt.standingText(score(standing.score), String(standing.rank), standing.ranked, score(standing.hallAverage))}
      </p>
      <div className="bulletin-figures">
        <Figure label={bt.deptScore} value={score(standing.score)} />
        <Figure label={bt.deptRank} value={standing.rank === null ? "—" : `${standing.rank} / ${standing.ranked}`} />
        <Figure label={bt.hallAverage} value={score(standing.hallAverage)} />
        <Figure label={bt.satisfaction} value={bt.percent(totals.satisfaction)} />
        <Figure label={bt.cases} value={String(totals.casesCompleted)} />
        <Figure label={bt.onTime} value={bt.percent(totals.onTimeRate)} />
      </div>

      <h2>{bt.staffSection}</h2>
      <StaffTable content={content} bt={bt} lang={lang} />

      <h2>{bt.chartsSection}</h2>
      <BulletinCharts content={content} />

      <h2>{bt.detailsSection}</h2>
      <Details content={content} bt={bt} lang={lang} />

      <h2>{bt.commentSection}</h2>
      <div className="bulletin-comment" data-testid="bulletin-comment">
        {content.comment ?? bt.noComment}
      </div>

      <footer className="bulletin-footer">
        <span>{content.center.name}</span>
        <span>{footer ?? bt.collectedAt(minute(content.collectedAt))}</span>
      </footer>
    </article>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <span className="bulletin-figure-value">{value}</span>
      <span className="bulletin-figure-label">{label}</span>
    </div>
  );
}

function honoursText(honours: readonly BulletinHonour[], bt: BulletinText): string {
  return honours.map((h) => `${h.quarter} ${bt.honourKinds[h.kind]}`).join("；");
}

function StaffTable({ content, bt, lang }: { content: BulletinContent; bt: BulletinText; lang: "zh-CN" | "en" }) {
  const { totals } = content;
  const row = (s: BulletinStaffRow) => (
    <tr key={s.staffId} data-testid={`bulletin-staff-${s.staffId}`}>
      <td className="name">{s.name}</td>
      <td>{s.windows.join("、") || "—"}</td>
      <td className="num">{score(s.score)}</td>
      <td className="num">{s.rankInHall === null ? "—" : `${s.rankInHall}/${s.rankedInHall}`}</td>
      {RATING_LEVELS.map((level) => (
        <td key={level} className={`num level${level <= 2 && ratingCount(s.ratings, level) > 0 ? " bad" : ""}`}>{ratingCount(s.ratings, level)}</td>
      ))}
      <td className="num">{bt.percent(s.satisfaction)}</td>
      <td className="num">{s.casesCompleted}</td>
      <td className="num">{bt.percent(s.onTimeRate)}</td>
      <td className={`num${s.badReviews > s.badReviewsRectified ? " bad" : ""}`}>{`${s.badReviews}/${s.badReviewsRectified}`}</td>
      <td className="num">{s.inspectionFindings}</td>
      <td className={`num${s.accountabilityConfirmed > 0 ? " bad" : ""}`}>{s.accountabilityConfirmed}</td>
      <td className="num">{s.commendations}</td>
      <td>{honoursText(s.honours, bt)}</td>
    </tr>
  );
  return (
    <>
      <table className="bulletin-table" data-testid="bulletin-staff-table">
        <thead>
          <tr>
            <Th bt={bt} column="name" />
            <Th bt={bt} column="windows" />
            <Th bt={bt} column="score" />
            <Th bt={bt} column="rankInHall" />
            <th colSpan={RATING_LEVELS.length}>{bt.ratings}</th>
            <Th bt={bt} column="satisfaction" />
            <Th bt={bt} column="cases" />
            <Th bt={bt} column="onTime" />
            <Th bt={bt} column="badReviews" />
            <Th bt={bt} column="findings" />
            <Th bt={bt} column="accountability" />
            <Th bt={bt} column="commendations" />
            <Th bt={bt} column="honours" />
          </tr>
          <tr>
            {RATING_LEVELS.map((level) => (
              <th key={level} className="level" title={bt.levelShort[level]}>{level}</th>
            ))}
          </tr>
        </thead>
        <tbody>{content.staff.map(row)}</tbody>
        <tfoot>
          <tr>
            <td colSpan={4}>{bt.total}</td>
            {RATING_LEVELS.map((level) => (
              <td key={level} className="num level">{ratingCount(totals.ratings, level)}</td>
            ))}
            <td className="num">{bt.percent(totals.satisfaction)}</td>
            <td className="num">{totals.casesCompleted}</td>
            <td className="num">{bt.percent(totals.onTimeRate)}</td>
            <td className="num">{`${totals.badReviews}/${totals.badReviewsRectified}`}</td>
            <td className="num">{totals.inspectionFindings}</td>
            <td className="num">{totals.accountabilityConfirmed}</td>
            <td className="num">{totals.commendations}</td>
            <td>{honoursText(content.honours, bt)}</td>
          </tr>
        </tfoot>
      </table>
      <div className="bulletin-note">
        {bt.ratingsLegend(RATING_LEVELS.map((level) => `${level} ${bt.levelShort[level]}`).join(lang === "en" ? ", " : "，"))}
      </div>
    </>
  );
}

/** A staff table heading spanning both header rows: the short label, the full one as its title. */
function Th({ bt, column }: { bt: BulletinText; column: keyof BulletinText["short"] }) {
  return (
    <th rowSpan={2} title={bt[column]}>
      {bt.short[column]}
    </th>
  );
}

/** One of the lists behind the figures, or 无 when the month had none. */
function ListSection({ title, testId, headers, rows }: { title: string; testId: string; headers: string[]; rows: ReactNode[][] }) {
  const { bt } = useBulletinText();
  return (
    <section data-testid={testId} data-count={rows.length}>
      <h3>{bt.listTitle(title, rows.length)}</h3>
      {rows.length === 0 ? (
        <div className="bulletin-note">{bt.none}</div>
      ) : (
        <table className="bulletin-table">
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, i) => (
              <tr key={i}>
                {cells.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Details({ content, bt, lang }: { content: BulletinContent; bt: BulletinText; lang: "zh-CN" | "en" }) {
  return (
    <>
      <ListSection
        title={bt.badReviewList}
        testId="bulletin-bad-reviews"
        headers={[bt.at, bt.window, bt.name, bt.level, bt.reasons, bt.rectification]}
        rows={content.badReviews.map((r) => [
          minute(r.ratedAt),
          r.windowNo,
          r.staffName ?? "—",
          bt.levelShort[r.level] ?? String(r.level),
          [r.reasons.join("、"), r.comment].filter(Boolean).join(" — ") || "—",
          r.rectificationState === null ? bt.noRectification : (bt.rectificationStates[r.rectificationState] ?? r.rectificationState),
        ])}
      />
      <ListSection
        title={bt.findingList}
        testId="bulletin-findings"
        headers={[bt.at, bt.window, bt.name, bt.item, bt.note]}
        rows={content.findings.map((f) => [minute(f.inspectedAt), f.windowNo, f.staffName ?? "—", f.item, f.note ?? "—"])}
      />
      <ListSection
        title={bt.accountabilityList}
        testId="bulletin-accountability"
        headers={[bt.at, bt.name, bt.kind, bt.summary, bt.consequence]}
        rows={content.accountability.map((a) => [day(a.occurredAt), a.staffName ?? "—", labelOf(ACCOUNTABILITY_KIND_LABELS, a.kind, lang), a.summary, labelOf(CONSEQUENCE_LABELS, a.consequence, lang)])}
      />
      <ListSection
        title={bt.commendationList}
        testId="bulletin-commendations"
        headers={[bt.at, bt.name, bt.summary]}
        rows={content.commendations.map((c) => [day(c.at), c.staffName ?? "—", c.summary])}
      />
      <ListSection
        title={bt.honourList}
        testId="bulletin-honours"
        headers={[bt.quarter, bt.kind, bt.subject]}
        rows={content.honours.map((h) => [h.quarter, bt.honourKinds[h.kind], h.subjectName])}
      />
    </>
  );
}
