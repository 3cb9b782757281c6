/**
 * Larger catalogues for the service-search benchmark, made deterministically from the real 广安区 one the way a city
 * or provincial catalogue looks: every county implements the same items, so each copy keeps the item names and moves
 * them to that county's departments (岳池县人社局); one copy in ten also carries a county-specific qualifier in its
 * name (“（岳池县）”), so the number of distinct names grows with the catalogue, as it does in real ones.
 */
import { pinyin } from 'pinyin-pro';
import type { Catalogue, CatalogueItem } from '../src/core/api/types.gen.ts';

const COUNTIES = (
  '广安区,前锋区,岳池县,武胜县,邻水县,华蓥市,顺庆区,高坪区,嘉陵区,阆中市,南部县,营山县,蓬安县,仪陇县,西充县,' +
  '通川区,达川区,万源市,宣汉县,开江县,大竹县,渠县,船山区,安居区,射洪市,蓬溪县,大英县,巴州区,恩阳区,通江县,' +
  '南江县,平昌县,雁江区,安岳县,乐至县,翠屏区,南溪区,叙州区,江安县,长宁县,高县,珙县,筠连县,兴文县,屏山县'
).split(',');

export function synthesize(real: Catalogue, count: number): Catalogue {
  if (count <= real.items.length) return { ...real, items: real.items.slice(0, count), count };
  const departments = [...real.departments];
  const deptIndex = new Map(departments.map((d, i) => [d, i]));
  const charPinyin = { ...real.charPinyin };
  const items: CatalogueItem[] = [];
  for (let copy = 0; items.length < count; copy++) {
    const county = COUNTIES[copy % COUNTIES.length];
    const round = Math.floor(copy / COUNTIES.length);
    for (const [i, item] of real.items.entries()) {
      if (items.length >= count) break;
      if (copy === 0) {
        items.push(item);
        continue;
      }
      const deptName =
        county + real.departments[item.dept].replace(/^(区|广安区)/, '') + (round ? ` ${round + 1}` : '');
      let dept = deptIndex.get(deptName);
      if (dept === undefined) {
        dept = departments.push(deptName) - 1;
        deptIndex.set(deptName, dept);
      }
      const qualified = (i * 31 + copy * 17) % 10 === 0;
      const name = qualified ? `${item.name}（${county}）` : item.name;
      let py = item.pinyin;
      if (qualified) {
        const extra = pinyin(county, { toneType: 'none', type: 'array', v: true }) as string[];
        [...county].forEach((ch, k) => (charPinyin[ch] ??= [extra[k]]));
        py = `${py} ${extra.join(' ')}`.trim();
      }
      items.push({
        ...item,
        code: `${item.code}-${copy}`,
        name,
        dept,
        pinyin: py,
        initials: py
          .split(' ')
          .map((s) => s[0] ?? '')
          .join(''),
        popularity: Math.max(0, item.popularity - ((i + copy) % 7)),
      });
    }
  }
  return { ...real, version: `${real.version}-x${count}`, count: items.length, departments, items, charPinyin };
}

/**
 * A catalogue of `count` items in which **every name is distinct**, made from the real one: the first copy keeps the
 * real names, and every other copy qualifies each name by its county and department ("社会保障卡申领（岳池县人社局）"),
 * as a provincial catalogue that spells out who implements each item does. An engine that indexes each distinct name
 * once gets no help from repetition here.
 */
export function distinctCatalogue(real: Catalogue, count: number): Catalogue {
  const departments = [...real.departments];
  const deptIndex = new Map(departments.map((d, i) => [d, i]));
  const charPinyin = { ...real.charPinyin };
  const syllablesOf = (text: string) => {
    const han = [...text].filter((ch) => /\p{Script=Han}/u.test(ch));
    const out = pinyin(han.join(''), { toneType: 'none', type: 'array', v: true }) as string[];
    han.forEach((ch, k) => (charPinyin[ch] ??= [out[k]]));
    return out;
  };
  const items: CatalogueItem[] = [];
  const seen = new Set<string>();
  for (let copy = 0; items.length < count; copy++) {
    const county = COUNTIES[copy % COUNTIES.length];
    const round = Math.floor(copy / COUNTIES.length);
    for (const [i, item] of real.items.entries()) {
      if (items.length >= count) break;
      const deptName = copy
        ? county + real.departments[item.dept].replace(/^(区|广安区)/, '') + (round ? `${round + 1}` : '')
        : real.departments[item.dept];
      let dept = deptIndex.get(deptName);
      if (dept === undefined) {
        dept = departments.push(deptName) - 1;
        deptIndex.set(deptName, dept);
      }
      let name = item.name;
      let py = item.pinyin;
      if (copy || seen.has(name)) {
        const qualifier = deptName.replace(/ /g, '');
        name = `${item.name}（${qualifier}）`;
        py = `${py} ${syllablesOf(qualifier).join(' ')}`.trim();
      }
      if (seen.has(name)) continue;
      seen.add(name);
      items.push({
        ...item,
        code: copy ? `${item.code}-${copy}` : item.code,
        name,
        dept,
        pinyin: py,
        initials: py
          .split(' ')
          .map((s) => s[0] ?? '')
          .join(''),
        popularity: copy ? Math.max(0, item.popularity - ((i + copy) % 7)) : item.popularity,
      });
    }
  }
  return { ...real, version: `${real.version}-d${count}`, count: items.length, departments, items, charPinyin };
}
