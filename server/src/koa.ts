// The Koa types this app uses: per-request state and the services every handler can reach.
import type { ParameterizedContext } from "koa";
import type { Logger } from "./lib/logger.ts";
import type { Services } from "./services.ts";
import type { ResolvedSession } from "./domain/auth/resolveSession.ts";
import type { ErrorCode } from "./contracts/errors.ts";

export interface AppState {
  requestId: string;
  log: Logger;
  session?: ResolvedSession;
  /** Why the presented session was not accepted (shown instead of a bare UNAUTHORIZED) */
  sessionProblem?: ErrorCode;
}

export interface AppContextExtras {
  services: Services;
}

export type AppContext = ParameterizedContext<AppState, AppContextExtras>;
