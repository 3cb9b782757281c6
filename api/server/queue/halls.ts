/** Static description of the halls the reference server simulates (illustrative, not live data). */
export interface CategoryDef {
  id: string;
  name: string;
  prefix: string;
  avgServiceMinutes: number;
  /** Relative share of walk-in tickets. */
  weight: number;
}

export interface WindowDef {
  id: string;
  label: string;
  categoryIds: string[];
}

export interface HallDef {
  id: string;
  name: string;
  address: string;
  phone: string;
  hours: { opens: string; closes: string; lunch: string | null; note: string };
  /** Working days the hall opens (0 = Sunday). */
  weekdays: number[];
  categories: CategoryDef[];
  windows: WindowDef[];
}

const windows = (spec: [number, string[]][]): WindowDef[] =>
  spec.map(([n, categoryIds]) => ({ id: `w${String(n).padStart(2, '0')}`, label: `${n} 号窗口`, categoryIds }));

export const HALLS: HallDef[] = [
  {
    id: 'guangan-zwzx',
    name: '广安区政务服务中心',
    address: '四川省广安市广安区金安大道二段 188 号',
    phone: '0826-2345678',
    hours: { opens: '09:00', closes: '17:00', lunch: null, note: '周一至周五（法定节假日除外），午间不休息' },
    weekdays: [1, 2, 3, 4, 5],
    categories: [
      { id: 'A', name: '社保医保', prefix: 'A', avgServiceMinutes: 6, weight: 30 },
      { id: 'B', name: '户籍证照', prefix: 'B', avgServiceMinutes: 8, weight: 20 },
      { id: 'C', name: '不动产登记', prefix: 'C', avgServiceMinutes: 15, weight: 15 },
      { id: 'D', name: '企业开办', prefix: 'D', avgServiceMinutes: 12, weight: 12 },
      { id: 'E', name: '税务', prefix: 'E', avgServiceMinutes: 10, weight: 13 },
      { id: 'F', name: '综合受理', prefix: 'F', avgServiceMinutes: 7, weight: 10 },
    ],
    windows: windows([
      [1, ['A']], [2, ['A']], [3, ['A']], [4, ['A', 'F']],
      [5, ['B']], [6, ['B']], [7, ['B']],
      [8, ['C']], [9, ['C']], [10, ['C']],
      [11, ['D']], [12, ['D']],
      [13, ['E']], [14, ['E']],
      [15, ['F']], [16, ['F', 'D']],
    ]),
  },
  {
    id: 'xiexing-bmfw',
    name: '协兴镇便民服务中心',
    address: '四川省广安市广安区协兴镇牌坊村便民服务中心',
    phone: '0826-2456789',
    hours: { opens: '09:00', closes: '17:00', lunch: '12:00-13:30', note: '周一至周五（法定节假日除外）' },
    weekdays: [1, 2, 3, 4, 5],
    categories: [
      { id: 'A', name: '社保医保', prefix: 'A', avgServiceMinutes: 7, weight: 55 },
      { id: 'B', name: '综合受理', prefix: 'B', avgServiceMinutes: 9, weight: 45 },
    ],
    windows: windows([[1, ['A']], [2, ['A', 'B']], [3, ['B']], [4, ['B']]]),
  },
];

export function findHall(id: string): HallDef | undefined {
  return HALLS.find((h) => h.id === id);
}

/** The human-readable hours of a hall, as a service guide prints them. */
export function hoursText(hall: HallDef): string {
  const { opens, closes, lunch } = hall.hours;
  const trim = (t: string) => t.replace(/^0/, '');
  if (!lunch) return `周一至周五 ${trim(opens)}-${trim(closes)}（午间不休息，法定节假日除外）`;
  const [lunchStart = '', lunchEnd = ''] = lunch.split('-');
  return `周一至周五 ${trim(opens)}-${trim(lunchStart)} ${trim(lunchEnd)}-${trim(closes)}（法定节假日除外）`;
}
