// The public rating page's API (no login): look a one-time link up, then rate through it. Both take
// the token in the JSON body (never in the URL), both count against the per-address limit.
import { ratingLinkContextSchema, ratingLinkLookupBodySchema, ratingLinkRateBodySchema, ratingLinkRatedSchema } from "../../contracts/ratingLinks.ts";
import { allowRatingLinkRequest, pruneRatingLinkBuckets } from "../../domain/ratingLinks/linkLimiter.ts";
import { lookupRatingLink, rateByLink } from "../../domain/ratingLinks/rateByLink.ts";
import { AppError } from "../../errors.ts";
import type { AppContext } from "../../koa.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

/** Expired counters are swept every this many requests (per process). */
const PRUNE_EVERY = 500;

export function ratingLinksRouter() {
  const router = createRouter("/api/rating-links");
  let sincePrune = 0;

  const limit = async (ctx: AppContext) => {
    const { prisma, clock } = ctx.services;
    const now = clock.now();
    if (++sincePrune >= PRUNE_EVERY) {
      sincePrune = 0;
      await pruneRatingLinkBuckets(prisma, now);
    }
    if (!(await allowRatingLinkRequest(prisma, ctx.ip, now))) throw new AppError("TOO_MANY_REQUESTS");
  };

  router.post(
    "/lookup",
    spec({ summary: "Public: what a one-time rating link is for (center, item, masked case number); 404 LINK_NOT_FOUND, 400 LINK_USED / LINK_EXPIRED / ALREADY_RATED", body: ratingLinkLookupBodySchema, response: ratingLinkContextSchema, public: true }),
    async (ctx) => {
      await limit(ctx);
      const body = parse(ratingLinkLookupBodySchema, ctx.request.body);
      ctx.body = await lookupRatingLink(ctx.services, body.token);
    },
  );

  router.post(
    "/rate",
    spec({ summary: "Public: rate the case through its one-time link (channel SMS), answered after the rating is durable; a second use is 400 LINK_USED", body: ratingLinkRateBodySchema, response: ratingLinkRatedSchema, public: true }),
    async (ctx) => {
      await limit(ctx);
      const body = parse(ratingLinkRateBodySchema, ctx.request.body);
      ctx.body = await rateByLink(ctx.services, body);
    },
  );

  return router;
}
