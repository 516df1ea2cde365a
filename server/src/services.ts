// What every route and job is handed: the database, the clock, configuration, logs and events.
import type { Config } from "./config.ts";
import type { Database, PrismaClient } from "./db/database.ts";
import type { Clock } from "./lib/clock.ts";
import type { DomainEvents } from "./lib/events.ts";
import type { Logger } from "./lib/logger.ts";

export interface Services {
  config: Config;
  db: Database;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  events: DomainEvents;
}
