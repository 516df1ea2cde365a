// Spreadsheet import of departments, items and staff (all or nothing) and the templates to fill in.
// Upload: POST /api/imports/<kind> with the .xlsx file as the raw body
// (Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, at most 10 MB).
import { IMPORT_LABELS, IMPORT_MAX_BYTES, importKindParamSchema, XLSX_TYPE } from "../../contracts/imports.ts";
import { importMasterData } from "../../domain/imports/importMasterData.ts";
import { buildTemplate } from "../../domain/imports/template.ts";
import { AppError } from "../../errors.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize } from "../../policies/authorize.ts";
import { canImportMasterData } from "../../policies/masterData.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";
import { readRawBody } from "./readRawBody.ts";

export function importsRouter() {
  const router = createRouter("/api/imports");

  router.get("/:kind/template.xlsx", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canImportMasterData(actor));
    const { kind } = parse(importKindParamSchema, ctx.params);
    ctx.set("Content-Type", XLSX_TYPE);
    ctx.set("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(`${IMPORT_LABELS[kind].zh}导入模板`)}.xlsx`);
    ctx.body = await buildTemplate(kind);
  });

  router.post("/:kind", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canImportMasterData(actor) && actor.centerId !== null);
    const { kind } = parse(importKindParamSchema, ctx.params);
    if (!ctx.is(XLSX_TYPE)) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
    const file = await readRawBody(ctx, IMPORT_MAX_BYTES);
    ctx.body = await importMasterData(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId ?? -1, kind, file });
  });

  return router;
}
