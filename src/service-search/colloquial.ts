/**
 * Everyday words residents type, and the official terms the national service catalogue uses for them, for any
 * district's catalogue (per-item aliases come from the catalogue itself). `spoken,spoken=official,official|…`:
 * a query containing a spoken word is also tried with each official term in its place.
 */
const WORDS =
  '社保=社会保障,社会保险|医保=医疗保障,医疗保险|医保卡=社会保障卡,医保电子凭证|新农合,合作医疗=城乡居民基本医疗保险|' +
  '养老金=养老保险待遇,养老金,养老保险|失业金=失业保险金|公积金=住房公积金|低保=最低生活保障|五保户,五保=特困人员|' +
  '老年证,老人证=老年人优待证|老人补贴,高龄补贴=高龄津贴|残疾证=残疾人证|残疾补贴=残疾人生活补贴,残疾人护理补贴|狗=犬|' +
  '狗证,养狗=犬类准养证|砍树,伐树,砍伐=林木采伐|采伐证=林木采伐许可证|身份证=居民身份证|户口本=户口|' +
  '上户口,报户口,落户=户口登记|迁户口=户口迁移|领证,扯证,结婚证=结婚登记,婚姻登记|离婚=离婚登记|出生证=出生医学证明|' +
  '准生证,生育证=生育服务证,生育登记|生孩子,生小孩=生育|产假工资=生育津贴|房产证,房本=不动产权证书,不动产登记|' +
  '过户=转移登记|驾照=驾驶证|开公司,注册公司=公司设立登记|营业执照,执照=设立登记,证照|个体户=个体工商户|' +
  '开店=个体工商户设立登记|饭店,餐馆,饭馆=食品经营许可|小卖部,便利店=仅销售预包装食品|网吧=互联网上网服务营业场所|' +
  'ktv,歌厅=歌舞娱乐场所|游戏厅=游艺娱乐场所|烟草证,卖烟=烟草专卖零售许可|健康证=健康证明,预防性体检合格证|' +
  '护照=普通护照|无犯罪证明=无犯罪记录证明|暂住证=居住证|丢了,丢失,弄丢,掉了,丢,掉=挂失,补领,补办,补发|' +
  '补办,补证,补卡=补领,补发,补换,遗失补办|换证,换卡,到期=换领,换发,延续|改名=名称变更,变更|' +
  '看病报销,医药费报销=门诊费用报销,住院费用报销|异地就医=异地,转诊|社保证明,社保清单=参保证明,权益记录|' +
  '忘记密码,密码忘了=密码重置|激活=启用|交社保,买社保=参保登记,社会保险登记|交医保,买医保=城乡居民参保登记|' +
  '退休=退休申请|劳动仲裁,讨薪,欠薪=劳动人事争议仲裁|找工作=就业登记,求职,职业介绍|创业贷款=创业担保贷款|大学生,毕业生=高校毕业生|' +
  '上学=入学|转学=学籍异动|教师证=教师资格|盖房子,建房=乡村建设规划许可,建设工程规划许可|装水表,自来水=供水报装|' +
  '天然气,装燃气=供气报装|装电表,通电=供电报装|公租房,廉租房=公共租赁住房|维修基金=专项维修资金|挖路=挖掘城市道路|' +
  '广告牌=户外广告|招牌=户外招牌|摆摊,地摊=便民服务摊点|捕鱼证=渔业捕捞许可|打井=取水许可|养猪,养鸡,养殖场=畜禽养殖|' +
  '开诊所=诊所,医疗机构执业|医生证,行医证=医师执业|护士证=护士执业|开药店=零售药店|培训班=培训机构,培训学校|' +
  '开旅馆,开宾馆=旅馆业特种行业许可|刻章=公章刻制|放烟花=焰火燃放,烟花爆竹|游行=集会游行示威|收废品=废旧金属收购|' +
  '危化品=危险化学品|代开发票=代开增值税|个税=个人所得税|纳税证明=完税证明,纳税记录|困难补助=临时救助,生活补助|' +
  '领养=收养|墓地=公墓|退伍=退役|当兵=兵役,预备役|打官司=法律援助|社团=社会团体|寺庙=寺院,宗教活动场所|' +
  '出租车,的士=出租汽车|网约车=网络预约出租汽车|货车=货物运输|大巴,客车=客运|驾校=驾驶员培训|修车,汽修=机动车维修|' +
  '租车=客车租赁|公交=公共汽电车|买房,购房=商品房|预售证=商品房预售许可|危房=危旧房,危房改造|棚改=棚户区改造|' +
  '打猎=猎捕|打疫苗,疫苗=预防接种|理发店,理发,美发店,发廊,美容院,美容店,美甲店,足浴店,洗浴,按摩店=公共场所卫生许可|' +
  '领养老金,养老待遇=养老保险待遇|退休金,退休工资=养老保险待遇,退休|' +
  '办证=办理,核发|孩子,小孩,宝宝,婴儿=新生儿,儿童,子女';

/** Words that carry no meaning for the search ("我想办…", "…怎么办", "…需要什么材料"). */
const FILLERS = new Set(
  '我,我要,我想,想,要,想要,请问,问,问问,问一下,咨询一下,怎么,怎么办,怎样,如何,哪里,在哪,在哪里,去哪,去哪里,去哪儿,哪儿,的,了,吗,呢,啊,吧,呀,一下,需要,什么,可以,能,办,办理,多久,多少钱,材料,流程,手续,哪些,带'.split(
    ',',
  ),
);

/** Who the question is for ("我奶奶的老年证"): dropped like fillers, and weighed down in a question. */
const PEOPLE = new Set(
  '我的,我们,我家,家里,家人,自己,自己的,他,她,他的,她的,爸爸,妈妈,爸,妈,父亲,母亲,爷爷,奶奶,外公,外婆,老公,老婆,丈夫,妻子,儿子,女儿,父母,朋友,亲戚'.split(
    ',',
  ),
);
const droppable = (word: string) => FILLERS.has(word) || PEOPLE.has(word);

/**
 * Words of a question that say little about which item is meant, weighed down when a question is matched in part
 * (see `questionWords`); the fillers above count among them.
 */
const QUESTION = new Set(
  '去,到,在,是,有,没有,找,谁,为什么,是否,能不能,可不可以,应该,该,得,请,帮,帮我,给,让,把,被,对,从,和,与,或,及,都,还,就,也,又,再,一个,这个,那个,这,那,哪,哪个,几,多,多少,时候,地方,东西,事,事情,情况,自己,已经,刚,刚刚,现在,今天,明天,马上,一般,具体,相关,关于,有关,办事,部门,窗口,大厅,证件,一些,些,吗,么,啥,咋,咋办,咋整,弄,搞,整'.split(
    ',',
  ),
);

let table: Map<string, string[]> | undefined;
let longest = 0;

function words(): Map<string, string[]> {
  if (!table) {
    table = new Map();
    for (const group of WORDS.split('|')) {
      const [spoken, official] = group.split('=');
      for (const word of spoken.split(',')) {
        table.set(word, official.split(','));
        longest = Math.max(longest, word.length);
      }
    }
  }
  return table;
}

/** The spoken words found in `text` (longest first, left to right), each with the official terms for it. */
function spokenWords(text: string): [number, string, string[]][] {
  const found: [number, string, string[]][] = [];
  const map = words();
  for (let i = 0; i < text.length;) {
    let len = Math.min(longest, text.length - i);
    while (len > 0 && !map.has(text.substr(i, len))) len--;
    if (len) found.push([i, text.substr(i, len), map.get(text.substr(i, len))!]);
    i += len || 1;
  }
  return found;
}

/**
 * Official terms and the spoken words that abbreviate them, keeping characters in order (社会保障 → 社保,
 * 最低生活保障 → 低保), with the positions of the kept characters: names are also indexed in their abbreviated
 * form, so that the abbreviation's pinyin and initials find them too ("sbk").
 */
export function abbreviations(): [string, string, number[]][] {
  const out: [string, string, number[]][] = [];
  for (const [word, official] of words()) {
    for (const target of official) {
      const at: number[] = [];
      for (let k = 0, from = 0; k < word.length && from >= 0; k++) {
        from = target.indexOf(word[k], from);
        if (from >= 0) at.push(from++);
      }
      if (at.length === word.length && word.length < target.length) out.push([target, word, at]);
    }
  }
  return out;
}

/**
 * The query with spoken words replaced by official terms, in every combination up to `max` (the query itself is not
 * included). "社保卡丢了" → 社会保障卡挂失, 社会保障卡补领, …
 */
export function officialForms(text: string, max = 8): string[] {
  let forms = [''];
  let at = 0;
  for (const [i, word, official] of spokenWords(text)) {
    const gap = text.slice(at, i);
    forms = forms.flatMap((f) => [...official, word].map((o) => f + gap + o)).slice(0, max + 1);
    at = i + word.length;
  }
  return forms.map((f) => f + text.slice(at)).filter((f) => f !== text);
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The query without filler words and words for who it is for (found with Intl.Segmenter): any at either end, longer
 * ones anywhere, unless fewer than two characters would be left. Spaces stay only between runs of letters or digits (syllable boundaries).
 */
export function withoutFillers(text: string): string {
  if (!/[\u3400-\u9fff]/.test(text)) return text;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let words = [...segmenter.segment(text)].map((s) => s.segment).filter((s) => s !== ' ');
  let a = 0;
  let b = words.length;
  while (a < b && droppable(words[a])) a++;
  while (b > a && droppable(words[b - 1])) b--;
  const content = words.slice(a, b).filter((w) => w.length < 2 || !droppable(w));
  if (content.join('').length > 1) words = content;
  return words.join(' ').replace(/ (?![a-z0-9])|(?<![a-z0-9]) /g, '');
}

/** A word of a question: the word typed, what it may stand for in item names, and whether it says little. */
export interface QuestionWord {
  word: string;
  /** The word itself first, then the official terms of the dictionary. */
  alts: string[];
  /** A filler or question word (我想, 怎么, 去哪, 一下…), weighed down. */
  weak: boolean;
}

/**
 * The words of a normalized query in Chinese, for matching in part: spoken words of the dictionary first (longest
 * first), the rest cut by Intl.Segmenter. Runs of letters or digits are words of their own.
 */
export function questionWords(text: string): QuestionWord[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: QuestionWord[] = [];
  const plain = (part: string) => {
    for (const { segment, isWordLike } of segmenter!.segment(part)) {
      const word = segment.trim();
      if (!word || !isWordLike) continue;
      out.push({ word, alts: [word], weak: droppable(word) || QUESTION.has(word) });
    }
  };
  let at = 0;
  for (const [i, word, official] of spokenWords(text)) {
    plain(text.slice(at, i));
    out.push({ word, alts: [word, ...official], weak: false });
    at = i + word.length;
  }
  plain(text.slice(at));
  return out;
}
