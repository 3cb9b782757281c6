import type { TimeLimit } from '../core/api/types.gen.js';

const EN_SCOPE: Record<string, string> = {
  province: 'Anywhere in the province',
  southwest: 'Anywhere in the five south-western regions',
  national: 'Anywhere in China',
};
const EN_FORM: Record<string, string> = { paper: 'paper', electronic: 'electronic', either: 'paper or electronic' };
const EN_UNIT: Record<string, string> = { workday: 'working day', day: 'day' };
const enLimit = (l: TimeLimit) =>
  l.unit in EN_UNIT ? `${l.value} ${EN_UNIT[l.unit]}${l.value === 1 ? '' : 's'}` : `${l.value} (see the guide for the unit)`;

/** The English table of `searchStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  label: 'Search government services',
  placeholder: 'Name, pinyin or initials, e.g. 社保卡 or sbk',
  hint: 'Use the up and down arrow keys to choose, Enter to open the guide',
  results: 'Search results',
  found: (n: number) => `${n} ${n === 1 ? 'service' : 'services'} found`,
  none: (q: string) => `No services match “${q}”`,
  chosen: (name: string) => `Chosen: ${name}. Its guide is below the search box.`,
  corrected: (text: string) => `Did you mean “${text}”?`,
  help: 'Try other words, call the 12345 government service hotline, or ask at the hall’s help desk (帮办代办).',
  closest: 'Did you mean',
  popular: 'Popular services',
  more: (n: number) => `Show more (${n} left)`,
  filters: 'Filters',
  dept: 'Department',
  type: 'Type',
  all: 'All',
  fullyOnline: 'Fully online',
  noVisit: 'No visit needed',
  crossRegion: 'Cross-region',
  instant: 'Settled on the spot',
  visits: (n: number) => (n ? (n === 1 ? 'At most one visit' : `${n} visits`) : 'No visit needed'),
  promised: (days: number) =>
    days ? `Done in ${days} working ${days === 1 ? 'day' : 'days'}` : 'Settled on the spot',
  limit: (legal: TimeLimit | null, promised: TimeLimit | null) =>
    [legal && `legal limit ${enLimit(legal)}`, promised && (promised.value ? `promised ${enLimit(promised)}` : 'settled on the spot')]
      .filter(Boolean)
      .join(', ') || 'No time limit',
  scope: (s: string) => EN_SCOPE[s] ?? 'Across regions: see the guide',
  limits: 'Time limit',
  fee: 'Fee',
  free: 'Free of charge',
  visitsLabel: 'Visits',
  online: 'Apply online',
  guide: 'Official guide',
  details: 'Materials and where to go',
  materials: 'Materials',
  material: (form: string, copies: number, required: boolean) =>
    `${form in EN_FORM ? `${EN_FORM[form]}, ` : ''}${copies} ${copies === 1 ? 'copy' : 'copies'}${required ? '' : ' (optional)'}`,
  where: 'Where to go',
  offline: 'You are offline; this is the saved catalogue.',
};
