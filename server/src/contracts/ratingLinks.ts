// Ratings by phone (#6): the public rating page's two requests. The one-time token travels in the
// JSON body, never in a URL, so it stays out of access logs and Referer headers (the page itself
// carries it in the URL fragment, which browsers never send). Imports only zod: the kiosk app uses it.
import { z } from "zod";
import { COMMENT_MAX, reasonFitsLevel } from "./indicators.ts";

/** 18 random bytes as base64url are 24 characters (144 bits); anything else cannot be a token. */
export const RATING_TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;
export const ratingTokenSchema = z.string().regex(RATING_TOKEN_PATTERN, "评价链接格式不正确");

export const ratingLinkLookupBodySchema = z.strictObject({ token: ratingTokenSchema });
export type RatingLinkLookupBody = z.infer<typeof ratingLinkLookupBodySchema>;

export const ratingLinkRateBodySchema = z
  .strictObject({
    token: ratingTokenSchema,
    level: z.number().int().min(1).max(5),
    reasons: z.array(z.string().max(16)).max(8).default([]),
    comment: z.string().max(COMMENT_MAX).default(""),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    for (const [i, code] of v.reasons.entries()) {
      if (!reasonFitsLevel(code, v.level)) ctx.addIssue({ code: "custom", path: ["reasons", i], message: `unknown reason ${code} for level ${v.level}` });
      if (seen.has(code)) ctx.addIssue({ code: "custom", path: ["reasons", i], message: `repeated reason ${code}` });
      seen.add(code);
    }
  });
export type RatingLinkRateBody = z.infer<typeof ratingLinkRateBodySchema>;

/** What the rating page shows before the citizen rates: enough to recognise the service, nothing personal. */
export const ratingLinkContextSchema = z.object({
  centerName: z.string(),
  itemName: z.string(),
  /** The case number with its middle hidden: 2026*****0017 */
  caseNoMasked: z.string(),
  windowNumber: z.number().int(),
  completedAt: z.string(),
  expiresAt: z.string(),
  indicatorVersion: z.string(),
});
export type RatingLinkContextDto = z.infer<typeof ratingLinkContextSchema>;

export const ratingLinkRatedSchema = z.object({ ok: z.literal(true), ratedAt: z.string() });
export type RatingLinkRatedDto = z.infer<typeof ratingLinkRatedSchema>;
