import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addWorkingDays } from '../../api/server/clock.ts';
import { aliasesFor } from '../../api/server/seed/aliases.ts';
import { shortNameOf } from '../../api/server/seed/classify.ts';
import { enrich } from '../../api/server/seed/enrich.ts';
import { loadSource } from '../../api/server/seed/source.ts';
import { loadServiceData } from '../../api/server/services/catalogue.ts';
import { syllables } from '../../api/server/services/pinyin.ts';
import { normalizeQuery } from '../../api/server/services/search.ts';

const source = loadSource();
const data = loadServiceData();
const aliases = (name: string) => aliasesFor(name, shortNameOf(name));

describe('seed enrichment', () => {
  it('derives the same illustrative fields from the same item code every time', () => {
    for (const item of source.items.slice(0, 50)) assert.deepEqual(enrich(item), enrich(item));
    assert.equal(data.records.length, 1135);
  });

  it('gives plausible distributions', () => {
    const details = data.records.map((r) => r.detail);
    const share = (pred: (d: (typeof details)[number]) => boolean) => details.filter(pred).length / details.length;
    assert.ok(share((d) => d.visits <= 1) > 0.85, 'most items need at most one visit');
    assert.ok(share((d) => d.fee.charged) < 0.05, 'most items are free of charge');
    assert.ok(share((d) => d.fullyOnline) > 0.2 && share((d) => d.fullyOnline) < 0.7);
    for (const d of details) {
      assert.ok(d.visits >= 0 && d.visits <= 3);
      assert.ok(d.materials.length >= 2 && d.materials.length <= 6, d.name);
      if (d.fullyOnline) assert.equal(d.visits, 0, `${d.name}: fully online means no visit`);
      for (const fee of d.fee.items) assert.match(fee.amount, /元$/);
    }
    const popularity = (re: RegExp) => {
      const list = data.records.filter((r) => re.test(r.detail.name)).map((r) => r.popularity);
      return list.reduce((a, b) => a + b, 0) / list.length;
    };
    assert.ok(popularity(/社会保障卡|户口|医疗保险/) > popularity(/备案/) + 30, 'resident items rank above filings');
  });

  it('names residents’ everyday words as aliases', () => {
    assert.ok(aliases('社会保障卡补领、换领、换发').includes('社保卡补办'));
    assert.ok(aliases('居民身份证办理（包括临时）').includes('办身份证'));
    assert.ok(aliases('犬类准养证核发').includes('办狗证'));
    assert.ok(aliases('中国内地公民婚姻登记').length === 0 || !aliases('中国内地公民婚姻登记').includes('中国内地公民婚姻登记'));
    assert.ok(aliases('企业职工基本养老保险正常退休申请').includes('办退休'));
    assert.ok(aliases('最低生活保障').includes('低保'));
    for (const r of data.records) for (const a of r.detail.aliases) assert.ok(!r.detail.name.includes(a), `${a} adds nothing to ${r.detail.name}`);
  });

  it('reads polyphonic characters in context and folds traditional input', () => {
    assert.deepEqual(syllables('中国银行'), ['zhong', 'guo', 'yin', 'hang']);
    assert.deepEqual(syllables('A类（县级）'), ['lei', 'xian', 'ji']);
    assert.deepEqual(normalizeQuery('  社會保障卡　補領 '), ['社会保障卡', '补领']);
  });

  it('counts follow-up deadlines in working days', () => {
    assert.equal(addWorkingDays('2026-11-20', 10), '2026-12-04'); // Friday → Friday two weeks on
    assert.equal(addWorkingDays('2026-11-21', 1), '2026-11-23'); // Saturday → Monday
  });
});
