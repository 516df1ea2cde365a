// The public item catalogue (no login): every public, active item of an active department with its
// procedure, materials, time limits, fee and the windows that handle it — the center's promise that
// procedures and limits are public (办理程序、办理时限全面公开). Rate-limited per client address.
import { z } from "zod";
import { publicItemsQuerySchema } from "../../contracts/masterData.ts";
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { AppError } from "../../errors.ts";
import type { Center } from "../../generated/prisma/client.ts";
import type { AppContext } from "../../koa.ts";
import { RateLimiter } from "../../lib/rateLimiter.ts";
import { presentPublicItem, presentPublicItemSummary } from "../../presenters/masterData.ts";
import type { Services } from "../../services.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

/** Generous for a citizen's phone, tight enough that one address cannot scrape in a loop. */
export const CATALOG_RATE_LIMIT = { limit: 300, windowMs: 60_000 };

const centerQuerySchema = z.object({ center: z.string().trim().max(30).optional() });
const itemParamSchema = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** The named center, or the deployment's first active one (a single-hall install needs no code). */
async function findCenter(services: Services, code: string | undefined): Promise<Center> {
  const center = code
    ? await services.prisma.center.findFirst({ where: { code, active: true } })
    : await services.prisma.center.findFirst({ where: { active: true }, orderBy: { id: "asc" } });
  if (!center) throw new AppError("NOT_FOUND");
  return center;
}

const publicItemWhere = (centerId: number) => ({ centerId, public: true, active: true, department: { active: true } });

export function catalogRouter(services: Services) {
  const router = createRouter("/api/public/catalog");
  const limiter = new RateLimiter(services.clock, CATALOG_RATE_LIMIT.limit, CATALOG_RATE_LIMIT.windowMs);

  router.use(async (ctx: AppContext, next) => {
    if (!limiter.hit(ctx.ip)) throw new AppError("TOO_MANY_REQUESTS");
    await next();
    // Public and identical for everyone: a short shared cache keeps phones fast without hiding edits long
    if (ctx.status === 200) ctx.set("Cache-Control", "public, max-age=60");
  });

  router.get("/", async (ctx) => {
    const { center: code } = parse(centerQuerySchema, ctx.query);
    const center = await findCenter(ctx.services, code);
    const settings = centerSettingsSchema.catch(DEFAULT_CENTER_SETTINGS).parse(center.settings);
    const departments = await ctx.services.prisma.department.findMany({
      where: { centerId: center.id, active: true },
      orderBy: { code: "asc" },
      include: { _count: { select: { items: { where: { public: true, active: true } } } } },
    });
    ctx.body = {
      center: { code: center.code, name: center.name },
      hours: { opensAt: settings.opensAt, closesAt: settings.closesAt, lunchStartsAt: settings.lunchStartsAt, lunchEndsAt: settings.lunchEndsAt },
      departments: departments
        .filter((d) => d._count.items > 0)
        .map((d) => ({ id: d.id, name: d.name, shortName: d.shortName, itemCount: d._count.items })),
    };
  });

  router.get("/items", async (ctx) => {
    const q = parse(publicItemsQuerySchema, ctx.query);
    const center = await findCenter(ctx.services, q.center);
    const where = {
      ...publicItemWhere(center.id),
      ...(q.departmentId ? { departmentId: q.departmentId } : {}),
      ...(q.q ? { OR: [{ name: { contains: q.q } }, { code: { contains: q.q } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.serviceItem.findMany({ where, orderBy: [{ departmentId: "asc" }, { code: "asc" }], include: { department: { select: { name: true } } }, ...pageArgs(q) }),
      ctx.services.prisma.serviceItem.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentPublicItemSummary), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/items/:id", async (ctx) => {
    const { id } = parse(itemParamSchema, ctx.params);
    const row = await ctx.services.prisma.serviceItem.findUnique({
      where: { id },
      include: {
        department: { select: { name: true, active: true } },
        windows: { where: { window: { active: true } }, include: { window: { select: { number: true, zone: true, name: true } } } },
      },
    });
    if (!row || !row.public || !row.active || !row.department.active) throw new AppError("NOT_FOUND");
    ctx.body = presentPublicItem(row);
  });

  return router;
}
