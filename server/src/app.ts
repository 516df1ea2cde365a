// Builds the Koa application without listening (tests mount it on port 0). The middleware order
// is the request's path through the server, in one visible place.
import Koa from "koa";
import { AppError } from "./errors.ts";
import type { AppContextExtras, AppState } from "./koa.ts";
import { csrfProtection } from "./middleware/csrf.ts";
import { errorHandler } from "./middleware/errorHandler.ts";
import { requestContext } from "./middleware/requestContext.ts";
import { requireJson } from "./middleware/requireJson.ts";
import { sessionLoader } from "./middleware/session.ts";
import { shutdownGuard, type ShutdownState } from "./middleware/shutdownGuard.ts";
import { staticApps } from "./middleware/staticApps.ts";
import { auditRouter } from "./routes/audit/router.ts";
import { devicesRouter } from "./routes/devices/router.ts";
import { evaluationsRouter } from "./routes/evaluations/router.ts";
import { invitationsRouter } from "./routes/invitations/router.ts";
import { accountabilityRouter } from "./routes/accountability/router.ts";
import { casesRouter } from "./routes/cases/router.ts";
import { inquiriesRouter } from "./routes/inquiries/router.ts";
import { notificationsRouter } from "./routes/notifications/router.ts";
import { calendarRouter } from "./routes/calendar/router.ts";
import { complaintsRouter } from "./routes/complaints/router.ts";
import { lookupRouter } from "./routes/lookup/router.ts";
import { authRouter } from "./routes/auth/router.ts";
import { centersRouter } from "./routes/centers/router.ts";
import { departmentsRouter } from "./routes/departments/router.ts";
import { healthRouter } from "./routes/health/router.ts";
import { itemsRouter } from "./routes/items/router.ts";
import { overviewRouter } from "./routes/overview/router.ts";
import type { AppRouter } from "./routes/router.ts";
import { staffRouter } from "./routes/staff/router.ts";
import { usersRouter } from "./routes/users/router.ts";
import { windowsRouter } from "./routes/windows/router.ts";
import { catalogRouter } from "./routes/catalog/router.ts";
import { photosRouter } from "./routes/photos/router.ts";
import { openapiRouter } from "./routes/openapi/router.ts";
import { importsRouter } from "./routes/imports/router.ts";
import { settingsRouter } from "./routes/settings/router.ts";
import { shiftsRouter } from "./routes/shifts/router.ts";
import { liveHallRouter } from "./routes/liveHall/router.ts";
import { queueRouter } from "./routes/queue/router.ts";
import { alertsRouter } from "./routes/alerts/router.ts";
import { inspectionsRouter } from "./routes/inspections/router.ts";
import { assessmentRouter } from "./routes/assessment/router.ts";
import { displayRouter } from "./routes/display/router.ts";
import { bulletinsRouter } from "./routes/bulletins/router.ts";
import { ratingLinksRouter } from "./routes/ratingLinks/router.ts";
import { ratingReportsRouter } from "./routes/ratingReports/router.ts";
import { appealsRouter } from "./routes/appeals/router.ts";
import { rectificationsRouter } from "./routes/rectifications/router.ts";
import type { Services } from "./services.ts";

export function buildApp(services: Services, shutdown: ShutdownState = { draining: false }): Koa<AppState, AppContextExtras> {
  const app = new Koa<AppState, AppContextExtras>({ proxy: services.config.TRUST_PROXY });
  app.context.services = services;
  app.silent = true; // errors are logged by errorHandler with the request id

  const routers: AppRouter[] = [
    healthRouter(),
    authRouter(services),
    overviewRouter(),
    centersRouter(),
    departmentsRouter(),
    windowsRouter(),
    staffRouter(),
    itemsRouter(),
    usersRouter(),
    auditRouter(),
    catalogRouter(services),
    importsRouter(),
    shiftsRouter(),
    settingsRouter(),
    photosRouter(),
    // Describes every router of this list (read when first asked, so it sees the whole list)
    openapiRouter(() => routers),
    devicesRouter(services),
    invitationsRouter(),
    evaluationsRouter(),
    casesRouter(),
    lookupRouter(),
    accountabilityRouter(),
    inquiriesRouter(),
    notificationsRouter(),
    calendarRouter(),
    complaintsRouter(),
    liveHallRouter(),
    queueRouter(),
    alertsRouter(),
    inspectionsRouter(),
    assessmentRouter(),
    displayRouter(services),
    bulletinsRouter(),
    ratingLinksRouter(),
    ratingReportsRouter(),
    appealsRouter(),
    rectificationsRouter(),
  ];

  app.use(requestContext());
  app.use(errorHandler());
  app.use(shutdownGuard(shutdown));
  app.use(async (ctx, next) => {
    ctx.set("X-Content-Type-Options", "nosniff");
    ctx.set("Referrer-Policy", "same-origin");
    ctx.set("X-Frame-Options", "DENY");
    if (ctx.path.startsWith("/api/")) ctx.set("Cache-Control", "no-store");
    await next();
  });
  app.use(sessionLoader());
  app.use(csrfProtection());
  app.use(requireJson());
  for (const router of routers) {
    app.use(router.routes());
    app.use(
      router.allowedMethods({
        throw: true,
        methodNotAllowed: () => new AppError("METHOD_NOT_ALLOWED"),
        notImplemented: () => new AppError("METHOD_NOT_ALLOWED"),
      }),
    );
  }
  app.use(staticApps(services.config.STATIC_ROOT));
  return app;
}
