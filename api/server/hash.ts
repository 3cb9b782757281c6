import { createHash } from 'node:crypto';
import { prng } from './prng.ts';

export { prng };

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A 32-bit seed from any string, for deterministic pseudo-random streams. */
export function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}


export interface Draw {
  (): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
}

export function draw(seed: number): Draw {
  const next = prng(seed);
  const d = (() => next()) as Draw;
  d.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  d.pick = (items) => items[Math.floor(next() * items.length)] as (typeof items)[number];
  d.chance = (p) => next() < p;
  d.weighted = (entries) => {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  };
  return d;
}

/** Canonical JSON (sorted keys) so that equal bodies hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
