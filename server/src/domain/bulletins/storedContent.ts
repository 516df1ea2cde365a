// The BulletinContent snapshot as stored in Bulletin.content (JSON). Only this module's writers put
// it there, from collectBulletinContent's typed result, so reading it back is a cast, not a guess.
import type { BulletinContent } from "../../contracts/bulletins.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

export const contentToJson = (content: BulletinContent): Prisma.InputJsonObject => JSON.parse(JSON.stringify(content)) as Prisma.InputJsonObject;

export const contentFromJson = (stored: Prisma.JsonValue): BulletinContent => stored as unknown as BulletinContent;
