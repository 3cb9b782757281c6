import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { isoLocal } from '../clock.ts';
import { canonicalJson, sha256Hex } from '../hash.ts';
import type { components } from '../../../src/core/api/types.gen.ts';
import type { CatalogueItem, ServiceDetail, ServiceSummary } from '../payloads.ts';
import { enrich, ENRICHMENT_VERSION, type EnrichedService } from '../seed/enrich.ts';
import { loadSource, TASK_TYPES, DEFAULT_DATA_PATH } from '../seed/source.ts';
import { initialsOf, isHan, readings, syllables } from './pinyin.ts';
import { traditionalFor } from './traditional.ts';

/** One item with everything search and the catalogue need, computed once per data version. */
export interface ServiceRecord {
  detail: ServiceDetail;
  deptIndex: number;
  popularity: number;
  promisedDays: number | null;
  queueCategory: string;
  /** Space-separated syllables of the name, and their initials. */
  pinyin: string;
  initials: string;
  /** Pinyin keys (compact syllables and initials) of each alias, for server-side search. */
  aliasKeys: { compact: string; initials: string; starts: number[] }[];
  /** Syllable start offsets in the compact (space-free) pinyin of the name. */
  starts: number[];
}

export interface ServiceData {
  version: string;
  region: string;
  attribution: string;
  departments: string[];
  types: Record<string, string>;
  records: ServiceRecord[];
  byCode: Map<string, ServiceRecord>;
  charPinyin: Record<string, string[]>;
  traditional: Record<string, string>;
}

export interface SerializedCatalogue {
  version: string;
  etag: string;
  json: string;
  gzip: Buffer;
  brotli: Buffer;
}

function syllableStarts(sylls: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const s of sylls) {
    starts.push(at);
    at += s.length;
  }
  return starts;
}

const dataCache = new Map<string, ServiceData>();

/** Enriches the source file and computes pinyin, once per process and data file (it takes about a second). */
export function loadServiceData(dataPath = DEFAULT_DATA_PATH): ServiceData {
  const hit = dataCache.get(dataPath);
  if (hit) return hit;
  const source = loadSource(dataPath);
  const departments: string[] = [];
  const deptIndex = new Map<string, number>();
  const chars = new Set<string>();
  const records = source.items.map((item): ServiceRecord => {
    const e: EnrichedService = enrich(item);
    if (!deptIndex.has(item.department)) {
      deptIndex.set(item.department, departments.length);
      departments.push(item.department);
    }
    for (const text of [item.name, ...e.detail.aliases]) for (const ch of text) if (isHan(ch)) chars.add(ch);
    const sylls = syllables(item.name);
    return {
      detail: e.detail,
      deptIndex: deptIndex.get(item.department)!,
      popularity: e.popularity,
      promisedDays: e.promisedDays,
      queueCategory: e.queueCategory,
      pinyin: sylls.join(' '),
      initials: initialsOf(sylls),
      starts: syllableStarts(sylls),
      aliasKeys: e.detail.aliases.map((a) => {
        const s = syllables(a);
        return { compact: s.join(''), initials: initialsOf(s), starts: syllableStarts(s) };
      }),
    };
  });
  const charPinyin: Record<string, string[]> = {};
  for (const ch of [...chars].sort()) {
    const r = readings(ch);
    if (r.length > 0) charPinyin[ch] = r;
  }
  const usedTypes = [...new Set(source.items.map((i) => i.taskType))].sort((a, b) => a - b);
  const types = Object.fromEntries(usedTypes.map((t) => [String(t), TASK_TYPES[t] ?? '其他']));
  const traditional = traditionalFor(chars);
  const region = source.region.replace(/\s*\(.*\)\s*$/, '');
  const attribution =
    `事项名称、实施主体、事项编码和办事指南链接来自四川政务服务网公开数据（${source.source}）；` +
    '办理时限、跑动次数、网办深度、收费、材料、办理地点和俗称为示例数据。';
  const version = sha256Hex(
    canonicalJson({ source: source.raw, enrichment: ENRICHMENT_VERSION, records: records.map(catalogueItem), charPinyin, traditional }),
  ).slice(0, 16);
  const data: ServiceData = {
    version,
    region,
    attribution,
    departments,
    types,
    records,
    byCode: new Map(records.map((r) => [r.detail.code, r])),
    charPinyin,
    traditional,
  };
  dataCache.set(dataPath, data);
  return data;
}

export function catalogueItem(r: ServiceRecord): CatalogueItem {
  const d = r.detail;
  return {
    code: d.code,
    name: d.name,
    dept: r.deptIndex,
    pinyin: r.pinyin,
    initials: r.initials,
    aliases: d.aliases,
    type: d.type,
    visits: d.visits,
    fullyOnline: d.fullyOnline,
    crossRegion: d.crossRegion,
    instant: d.instant,
    promisedDays: r.promisedDays,
    popularity: r.popularity,
  };
}

export function serviceSummary(r: ServiceRecord, departments: readonly string[]): ServiceSummary {
  const { pinyin: _p, initials: _i, ...rest } = catalogueItem(r);
  return { ...rest, dept: departments[r.deptIndex]! };
}

type Catalogue = components['schemas']['Catalogue'];

/** The catalogue of a data version, as the API sends it (and as the server's own search indexes it). */
export function catalogueOf(data: ServiceData, generatedAt: string): Catalogue {
  return {
    version: data.version,
    generatedAt,
    region: data.region,
    attribution: data.attribution,
    illustrative: true,
    count: data.records.length,
    departments: data.departments,
    types: data.types,
    items: data.records.map(catalogueItem),
    charPinyin: data.charPinyin,
    traditional: data.traditional,
  };
}

const serialized = new Map<string, SerializedCatalogue>();

/**
 * The catalogue body, serialized and compressed once per version and generation time; every request then
 * sends the same bytes. The ETag hashes those bytes.
 */
export function serializeCatalogue(data: ServiceData, generatedAt: Date): SerializedCatalogue {
  const key = `${data.version}@${generatedAt.getTime()}`;
  const hit = serialized.get(key);
  if (hit) return hit;
  const json = JSON.stringify(catalogueOf(data, isoLocal(generatedAt)));
  const body: SerializedCatalogue = {
    version: data.version,
    etag: `"${sha256Hex(json).slice(0, 32)}"`,
    json,
    gzip: gzipSync(json, { level: 9 }),
    brotli: brotliCompressSync(json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }),
  };
  serialized.set(key, body);
  return body;
}
