// Turns a list's `sort` parameter ("name", "-name") into a Prisma orderBy over an allowed set of
// columns; unknown columns fall back to the list's natural order instead of failing.
export type Direction = "asc" | "desc";

export function orderByOf<K extends string>(sort: string | undefined, allowed: readonly K[], fallback: Record<string, Direction>[]): Record<string, Direction>[] {
  if (!sort) return fallback;
  const desc = sort.startsWith("-");
  const field = desc ? sort.slice(1) : sort;
  if (!(allowed as readonly string[]).includes(field)) return fallback;
  return [{ [field]: desc ? "desc" : "asc" }, { id: "asc" }];
}
