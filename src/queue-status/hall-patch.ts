import type { HallPatch, HallSnapshot } from '../core/api/types.gen.js';

/** Replaces items by `id`, keeping the order of `held` (the snapshot's display order). */
const merge = <T extends { id: string }>(held: T[], changed?: T[]): T[] =>
  changed ? held.map((item) => changed.find((c) => c.id === item.id) ?? item) : held;

/** The snapshot after `patch`: a new object, so that Lit sees the change. */
export const applyPatch = (s: HallSnapshot, p: HallPatch): HallSnapshot => ({
  ...s,
  open: p.open ?? s.open,
  windows: merge(s.windows, p.windows),
  categories: merge(s.categories, p.categories),
  version: p.version,
  updatedAt: p.updatedAt,
});
