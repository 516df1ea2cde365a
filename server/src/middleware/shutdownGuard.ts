// While the server drains on SIGTERM, new requests get 503 SHUTTING_DOWN and close their connection.
import type { Next } from "koa";
import { AppError } from "../errors.ts";
import type { AppContext } from "../koa.ts";

export interface ShutdownState {
  draining: boolean;
}

export function shutdownGuard(state: ShutdownState) {
  return async (ctx: AppContext, next: Next) => {
    if (state.draining) {
      ctx.set("Connection", "close");
      throw new AppError("SHUTTING_DOWN");
    }
    await next();
  };
}
