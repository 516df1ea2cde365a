// 好差评 reports: the figures (JSON), the same as an Excel workbook, and the rating records in the
// national standard's field set (CSV, UTF-8 with BOM) for the provincial platform.
import { ratingExportQuerySchema, ratingReportQuerySchema, ratingReportSchema } from "../../contracts/ratingReports.ts";
import { Readable } from "node:stream";
import { gbt39046Csv } from "../../domain/ratingReports/gbt39046Export.ts";
import { loadRatingReport } from "../../domain/ratingReports/loadRatingReport.ts";
import { AppError } from "../../errors.ts";
import type { AppContext } from "../../koa.ts";
import { requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, canSeeCenter, requireInScope } from "../../policies/authorize.ts";
import { canReadRatingReports, canSeeRatingReport, ratingReportDepartmentLimit } from "../../policies/ratingReports.ts";
import { isCityRole } from "../../contracts/roles.ts";
import { RATING_REPORT_COLUMNS } from "../exports/ratingReportExport.ts";
import { sendWorkbook } from "../exports/sendWorkbook.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

/** The one center a report covers: a city-level account must name it; anyone else's own (another is "not found"). */
async function reportCenter(ctx: AppContext, actor: Actor, requested: number | undefined): Promise<number> {
  const centerId = isCityRole(actor.role) ? requested : (requested ?? actor.centerId ?? undefined);
  if (centerId === undefined) throw new AppError("VALIDATION_FAILED", { issues: [{ path: "centerId", code: "required", message: "请选择中心", messageEn: "Name the center" }] });
  requireInScope(canSeeCenter(actor, centerId) && (await ctx.services.prisma.center.findUnique({ where: { id: centerId }, select: { id: true } })) !== null);
  return centerId;
}

export function ratingReportsRouter() {
  const router = createRouter("/api/rating-reports");

  const figures = async (ctx: AppContext) => {
    const actor = requireActor(ctx);
    authorize(canReadRatingReports(actor));
    const q = parse(ratingReportQuerySchema, ctx.query);
    authorize(canSeeRatingReport(actor, q));
    const centerId = await reportCenter(ctx, actor, q.centerId);
    const departmentId = ratingReportDepartmentLimit(actor) ?? q.departmentId ?? null;
    return loadRatingReport(ctx.services, { centerId, query: q, departmentId });
  };

  router.get("/", spec({ summary: "好差评 figures by day/week/month for the hall, departments, windows or staff: counts by level, good rate, defaulted apart, bad reviews and their rectification, callback and on-time rates", query: ratingReportQuerySchema, response: ratingReportSchema }), async (ctx) => {
    ctx.body = await figures(ctx);
  });

  router.get("/export.xlsx", spec({ summary: "The same figures as an Excel workbook", query: ratingReportQuerySchema, produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), async (ctx) => {
    const report = await figures(ctx);
    await sendWorkbook(ctx, `好差评统计_${report.from}_${report.to}`, RATING_REPORT_COLUMNS, [...report.rows, ...report.totals]);
  });

  router.get("/gbt39046.csv", spec({ summary: "The rating records in the GB/T 39046 field set (CSV, UTF-8 with BOM; docs/ratings-export.md), at most 92 days", query: ratingExportQuerySchema, produces: "text/csv" }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadRatingReports(actor));
    const q = parse(ratingExportQuerySchema, ctx.query);
    authorize(canSeeRatingReport(actor, { departmentId: q.departmentId }));
    const centerId = await reportCenter(ctx, actor, q.centerId);
    const departmentId = ratingReportDepartmentLimit(actor) ?? q.departmentId ?? null;
    const chunks = gbt39046Csv(ctx.services, { centerId, query: q, departmentId });
    ctx.set("Content-Type", "text/csv; charset=utf-8");
    ctx.set("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(`好差评数据_GBT39046_${q.from}_${q.to}`)}.csv`);
    ctx.body = Readable.from(chunks);
  });

  return router;
}
