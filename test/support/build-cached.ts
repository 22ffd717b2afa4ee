import { mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

/** How long a cache entry or a run's folder that nothing changed is kept: no run can still be using it. */
export const STALE_MS = 60 * 60_000;

/**
 * Builds `dir`, an entry of a cache folder named for what makes it, in a temporary folder beside it and
 * renames it into place (another run may have built the same entry meanwhile: theirs is as good as ours);
 * then deletes the cache's other entries that no run changed for STALE_MS.
 */
export async function buildCached(dir: string, build: (building: string) => Promise<void>): Promise<void> {
  const cache = path.dirname(dir);
  await mkdir(cache, { recursive: true });
  const building = await mkdtemp(path.join(cache, "building-"));
  try {
    await build(building);
    await rename(building, dir).catch(() => {});
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  await removeStale(cache, (entry) => entry !== path.basename(dir));
}

/**
 * Deletes the entries of `parent` that `pick` chooses and that nothing changed for STALE_MS. One another run
 * deletes at the same moment is simply gone.
 */
export async function removeStale(parent: string, pick: (entry: string) => boolean): Promise<void> {
  for (const entry of await readdir(parent)) {
    if (!pick(entry)) continue;
    const old = path.join(parent, entry);
    const changed = await stat(old).then(
      (found) => found.mtimeMs,
      () => Date.now(),
    );
    if (Date.now() - changed > STALE_MS) await rm(old, { recursive: true, force: true }).catch(() => {});
  }
}
