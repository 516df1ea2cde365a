// Starts a whole hallwatch server: database (migrated), first-run bootstrap, Koa app, Socket.IO.
// main.ts calls it for `npm start`; tests call it with port 0 and a temp database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Server as IoServer } from "socket.io";
import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { bootstrapDatabase, type BootstrapResult } from "./domain/bootstrap/bootstrapDatabase.ts";
import { systemClock, type Clock } from "./lib/clock.ts";
import { closeEvaluationIntake } from "./domain/evaluations/submitEvaluation.ts";
import { DomainEvents } from "./lib/events.ts";
import { createLogger, type Logger } from "./lib/logger.ts";
import type { ShutdownState } from "./middleware/shutdownGuard.ts";
import { attachRealtime } from "./realtime/io.ts";
import { attachTileFeed, type TileFeedOptions } from "./domain/liveHall/tileFeed.ts";
import { onlineKioskDeviceIds } from "./realtime/kiosk.ts";
import { attachAlertEvents } from "./domain/alerts/alertEvents.ts";
import { createHallAlertSweep, startHallAlertSweep, type HallAlertSweep } from "./domain/alerts/sweepHallAlerts.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { settleBulletinWork } from "./domain/bulletins/bulletinWork.ts";
import type { Services } from "./services.ts";

export interface RunningServer {
  services: Services;
  http: http.Server;
  io: IoServer;
  url: string;
  port: number;
  bootstrap: BootstrapResult;
  /** One run of the hall alert sweep (unattended windows, offline pads); tests call it after moving the clock */
  sweepHallAlerts: HallAlertSweep;
  /** Resolves once the scheduler's first tick (run at start: deadlines, warnings, due assessments) is over */
  firstJobsDone: Promise<void>;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  opts: { clock?: Clock; logger?: Logger; onProgress?: (p: { step: string; done: number; total: number }) => void; tileReads?: TileFeedOptions["wrapRead"] } = {},
): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config.DATABASE_URL, { onCheckpointError: (err) => logger.error({ err }, "the checkpoint thread stopped; the connections checkpoint by themselves") });
  if (db.migration.applied.length > 0) logger.info({ applied: db.migration.applied }, "migrations applied");
  const services: Services = { config, db, prisma: db.prisma, clock: opts.clock ?? systemClock, logger, events: new DomainEvents() };
  const bootstrap = await bootstrapDatabase(services, { onProgress: opts.onProgress });

  const shutdown: ShutdownState = { draining: false };
  const app = buildApp(services, shutdown);
  const server = http.createServer(app.callback());
  // Idle keep-alive connections are for the client to close: a server that closes them first (it was
  // 5 s) races a client reusing one at that moment, which then sees ECONNRESET (seen in tests under load).
  // Clients close theirs a little before the timeout the server announces in its Keep-Alive header.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const io = attachRealtime(server, services);
  // The live hall map's tiles follow every change; the sweep (real clock only) catches opening and lunch.
  const tileFeed = attachTileFeed(services, { sweepEveryMs: opts.clock ? 0 : 30_000, ...(opts.tileReads ? { wrapRead: opts.tileReads } : {}) });
  // Scheduled jobs run on the real clock; tests with a ManualClock drive them by hand (jobs/scheduler.ts).
  const scheduler = opts.clock ? null : startScheduler(services);
  const detachAlertEvents = attachAlertEvents(services);
  const sweepHallAlerts = createHallAlertSweep(services, () => onlineKioskDeviceIds(io));
  const hallAlertTimer = opts.clock ? null : startHallAlertSweep(services, sweepHallAlerts);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      shutdown.draining = true;
      await scheduler?.stop();
      await hallAlertTimer?.stop();
      detachAlertEvents();
      // Sockets first (pads reconnect elsewhere and retry their outbox), then in-flight requests.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, 10_000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      // Ratings queued for a group commit are written before the database closes (their pads were
      // cut off by io.close and will resend: dedupe answers duplicate:true).
      await closeEvaluationIntake(services);
      // A bulletin generation or mail dispatch started by a request finishes before its database closes
      await settleBulletinWork(services);
      await tileFeed.stop();
      await db.close();
    })();
    return closing;
  };

  const firstJobsDone = scheduler?.firstTick ?? Promise.resolve();
  return { services, http: server, io, url: `http://${host}:${port}`, port, bootstrap, sweepHallAlerts, firstJobsDone, close };
}
