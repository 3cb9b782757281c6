import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One row of api/data/guangan-service-items.json, as published by the provincial portal. */
export interface SourceItem {
  name: string;
  department: string;
  mainItem: string | null;
  itemCode: string;
  /** National 事项类型 code (see TASK_TYPES). */
  taskType: number;
  areaCode: string;
  guideUrl: string;
}

export interface SourceFile {
  /** Attribution of the data set; shipped as the catalogue's `attribution`. */
  source: string;
  region: string;
  items: SourceItem[];
  /** The file's own bytes, hashed into the catalogue version. */
  raw: string;
}

export const DEFAULT_DATA_PATH = fileURLToPath(new URL('../../data/guangan-service-items.json', import.meta.url));

export function loadSource(path = DEFAULT_DATA_PATH): SourceFile {
  const raw = readFileSync(path, 'utf8');
  const parsed = JSON.parse(raw) as { source: string; region: string; items: SourceItem[] };
  return { source: parsed.source, region: parsed.region, items: parsed.items, raw };
}

/** National 事项类型 codes (see api/data/README). */
export const TASK_TYPES: Record<number, string> = {
  1: '行政许可',
  2: '行政处罚',
  3: '行政强制',
  4: '行政征收',
  5: '行政给付',
  6: '行政检查',
  7: '行政确认',
  8: '行政奖励',
  9: '行政裁决',
  10: '其他行政权力',
  20: '公共服务',
};
