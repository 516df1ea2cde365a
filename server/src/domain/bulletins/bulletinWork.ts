// Work a request starts and does not wait for (a month's generation, a delivery kicked after a
// release), kept per Services instance so shutdown and tests can wait for it to finish instead of
// closing the database under it or sleeping.
import type { Services } from "../../services.ts";

const inFlight = new WeakMap<Services, Set<Promise<unknown>>>();

export function trackBulletinWork(services: Services, work: Promise<unknown>, what: string): void {
  let set = inFlight.get(services);
  if (!set) inFlight.set(services, (set = new Set()));
  const tracked = work.catch((err: unknown) => services.logger.error({ err, what }, "bulletin work failed"));
  set.add(tracked);
  void tracked.finally(() => set.delete(tracked));
}

/** Resolves when every piece of bulletin work started so far (and any it started) has finished. */
export async function settleBulletinWork(services: Services): Promise<void> {
  const set = inFlight.get(services);
  while (set && set.size > 0) await Promise.all([...set]);
}
