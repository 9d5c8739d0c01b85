/**
 * The phrases a reply is read for: the formulae every reply carries (greeting, "留言已收悉", thanks,
 * "已转相关部门处理", the signature date), what was or will be done, and when. Pure; the input is
 * normalised text (half-width punctuation, simplified characters).
 *
 * Built by reading the government replies of replies.jsonl (mostly its tuning half, see
 * bench/reply.bench.ts): the clause patterns below cover the openings and closings that recur there
 * more than ten times, in the variants found.
 */

// Spaces too: the source pages set paragraphs apart with ideographic spaces, not always with a full stop.
const CLAUSE_END = /[,.!?;:，。！？；：、\n ]+/;

/** A reply cut at its punctuation: formulae are whole clauses, so they can be recognised and set aside. */
export function clauses(text: string): string[] {
  return text.split(CLAUSE_END).map((c) => c.trim()).filter((c) => c.length > 0);
}

const DATE = /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}/g;
// The signing unit at the end: "A7县交通运输局", "泉塘街道办事处", "L1区网宣办".
const SIGNATURE = /^[\p{Script=Han}A-Za-z0-9()（）]{2,24}(?:局|办|委|处|政府|街道|办事处|公司|中心|镇|乡|院|所|队|站|委员会|部)$/u;

const FORMULAE: readonly RegExp[] = [
  // Greetings and who is addressed: 网友"UU0081176"您好 / 尊敬的网友 / 网民朋友
  /^(?:尊敬的|亲爱的)?(?:网友|网民|市民|朋友|网民朋友|群众)?[^\p{Script=Han}]{0,16}(?:网友)?(?:您|你)?好?$/u,
  /^(?:尊敬的)?(?:网友|网民朋友|市民朋友|同志)$/,
  /^(?:您|你)好/,
  // Received: 留言已收悉 / 来信收悉 / 函件收悉 / 帖文已获悉 / 留言已阅
  /收悉|已阅|已获悉|(?:已|已经)?收到(?:您|你)?的?(?:留言|来信|反映|投诉|信件|网帖)|(?:留言|来信|来函|问题|情况)(?:已经|已)收到/,
  // Lead-ins to the answer: 现将有关情况回复如下 / 特此回复 / 以上是我单位对您来信的回复
  /(?:回复|答复|说明|反馈)如下|特此(?:回复|答复|函复)|以上是.{0,12}(?:回复|答复)|现(?:将|就).{0,20}(?:回复|答复)/,
  /^(?:关于|针对|对于|就|对)?(?:您|你|网友)?(?:所)?(?:反映|提出|咨询|留言|投诉|来信)(?:的)?(?:问题|情况|事项|诉求|内容|一事)?$/,
  // Attention: 我局高度重视 / 领导十分重视
  /^.{0,12}(?:高度|十分|非常|极为)重视$/,
  // Thanks and wishes: 感谢您对我们工作的支持、理解与监督 / 祝您生活愉快 / 敬请谅解
  /^(?:再次|非常|衷心)?(?:感谢|谢谢|多谢)|^祝(?:您|你)|敬请谅解|欢迎.{0,12}(?:意见|建议|监督)|^(?:理解|支持|监督|关心|关注)(?:与|和|、)?(?:支持|理解|监督|关心|关注)?$|乐意听取|热忱为您服务/,
  // Passed on, nothing said of the substance: 已转相关部门处理 / 已转F9市调查处理 / 转由我单位办理
  /(?:转交|转至|转给|转到|转由|交由|已转|转相关|转有关|移交|转办|已交|并交|交有关|交相关)[^,.!?;:，。！？；：]{0,20}(?:处理|办理|核处|处置|调查|答复|反馈|核查|回复|核实|解决)?$/,
  // Promises to answer later: 敬请关注后续回复 / 如有情况将及时回复 / 请耐心等待
  /(?:后续|及时|尽快)(?:回复|答复|反馈)|(?:处理|办理)(?:情况|结果)(?:会|将)(?:向您|及时)?(?:反馈|回复|告知)|耐心等待|敬请关注/,
  // Where to ask further: 如有疑问请致电 / 联系电话 / 请直接与我们联系
  /^(?:如|若|如果)(?:您|你)?(?:还|另)?有.{0,12}(?:疑问|问题|意见|建议|情况|诉求)|联系电话|咨询电话|办公电话|^电话|与我们联系|^(?:如|若)(?:您|你)?对.{0,12}不满意/,
  /^(?:网友|此致|敬礼)$/,
];

const undated = (clause: string) => clause.replace(DATE, '').trim();

/** Whether one clause is a formula (greeting, receipt, lead-in, thanks, hand-on…), wherever it stands. */
export function isFormula(clause: string): boolean {
  const rest = undated(clause);
  return FORMULAE.some((f) => f.test(rest));
}

// A unit named in a sentence ("请咨询县公安局人口大队"), not signing.
const NOT_SIGNING = /请|咨询|联系|向|到|已|将|由|的|是|在/;

/** A date alone or the signing unit (with its date): a formula at the start or the end of a reply only. */
function isSignature(clause: string): boolean {
  const rest = undated(clause);
  return rest.length === 0 || (SIGNATURE.test(rest) && !NOT_SIGNING.test(rest));
}

/** The clauses of a reply, the formulae set apart from what the reply says. */
export function splitReply(text: string): { formulae: string[]; substance: string[] } {
  const all = clauses(text);
  let first = 0;
  let last = all.length;
  while (first < last && isSignature(all[first]!)) first++;
  while (last > first && (isSignature(all[last - 1]!) || isFormula(all[last - 1]!))) last--;
  const formulae = [...all.slice(0, first), ...all.slice(last)];
  const substance: string[] = [];
  for (const c of all.slice(first, last)) (isFormula(c) ? formulae : substance).push(c);
  return { formulae, substance };
}

export const hanCount = (text: string): number => {
  let n = 0;
  for (const ch of text) if (/\p{Script=Han}/u.test(ch)) n++;
  return n;
};

// Verbs of doing, each concrete enough on its own: an inspection, an order, a repair, a penalty.
const STRONG_ACTION = /责令|责成|立案|查处|处罚|罚款|约谈|拆除|取缔|关停|查封|封堵|暂扣|没收|维修|修复|修缮|整改|整治|清运|清理|清除|疏通|更换|安装|铺设|硬化|去除|销毁|收缴|现场(?:核查|核实|查看|察看|勘查|勘察|检查|调查|办公)|实地(?:核查|核实|查看|察看|勘查|勘察|调查|走访)|上门|督促|督办|限期|下达.{0,6}(?:通知书|决定书)|恢复(?:供水|供电|供气|通行|正常)|补发|退还|退款|发放|赔偿|开通|增设|纳入|列入|安排|^(?:经|据)(?:查|核实|核查|调查|了解|查看|排查|检测)/;
// Verbs that say something was done only with a word of doing or time before them (已/将/正在…).
const WEAK_ACTION = '(?:处理|解决|办理|核实|核查|调查|查看|检查|巡查|巡逻|协调|调解|召开|组织|联系|告知|回访|施工|改造|建设|规划|研究|采纳|支付|追回|设置|延长|更新|登记|受理|审核|审批|公示|通报|暂停|停止|移送|指导|提醒|宣传|劝导|劝阻|制止|完成|落实|监管|管控|监测|检测|排查|处置|开展|加强|增加|调整|通知|要求|上报|汇报|反映|沟通|协商|约请|征求|进行|推进|开发|部署|推出|实施|施划|公布|竣工|上线|试运行|投入使用|建成|完工)';
const MARKER = '(?:已|将|正在|立即|马上|当即|随即|即刻|现已|下一步|计划|拟|准备|于|经|责令|目前|今后|尽快|抓紧|加快|加大|进一步|继续|持续|会)';
const MARKED_ACTION = new RegExp(`${MARKER}[^。!?；;]{0,12}${WEAK_ACTION}|${WEAK_ACTION}了`);

/** The phrases that say what was done or will be done, e.g. "已责令物业整改", "经现场核查". */
export function actionPhrases(clauses: readonly string[]): string[] {
  return clauses.filter((c) => STRONG_ACTION.test(c) || MARKED_ACTION.test(c));
}

const DONE = /已|了|完毕|完成|完工|办结|结束|竣工|当场|当即/;
// Pending work. "将" (also the object marker: 将垃圾清运) and "会" (会议) say too little to count.
const PENDING = /拟|计划|下一步|准备|尽快|争取|力争|正在|待/;
const SENTENCE_END = /[。!?;！？；\n]+/;

/**
 * Whether a sentence of the reply reports work done: marked so ("已清运完毕"), or a concrete verb with
 * nothing pending in the sentence ("责令其停业"; not "将尽快安排清运，并督促物业…").
 */
export function reportsDone(text: string): boolean {
  return text.split(SENTENCE_END).some((sentence) => {
    const said = clauses(sentence).filter((c) => !isFormula(c));
    if (actionPhrases(said).length === 0) return false;
    const joined = said.join('，');
    return DONE.test(joined) || (STRONG_ACTION.test(joined) && !PENDING.test(joined));
  });
}

const CN = '[0-9一二两三四五六七八九十半]';
const TIME_PATTERNS: readonly RegExp[] = [
  DATE,
  /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:底|初|中旬|上旬|下旬|份|前|内)?/g,
  /(?:19|20)\d{2}\s*年(?:底|初|内|前|年底|上半年|下半年)/g,
  new RegExp(`${CN}{1,3}\\s*月\\s*${CN}{1,3}\\s*[日号]|${CN}{1,3}\\s*月(?:底|初|中旬|上旬|下旬|份|前|内|末)`, 'g'),
  new RegExp(`${CN}{1,3}\\s*个?\\s*(?:工作日|自然日|日|天|周|星期|个月|小时|年)\\s*(?:内|之内|以内|前|后|左右|为限|完成)|${CN}{1,3}\\s*个\\s*工作日`, 'g'),
  /今日|今天|当天|当日|明天|明日|本周|下周|本月|下月|月底|月初|年底|年内|年初|本年度|春节前|节前|汛期前|开学前|同日|次日|当晚|当即|当场/g,
  /\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*[时点](?:\d{1,2}分|许|左右|前|整)?/g,
];
// A date that says when the requester wrote, not when anything is done: "您于2019年5月3日在平台的留言".
const ABOUT_THE_MESSAGE = /^.{0,8}(?:在|通过|于)?.{0,8}(?:留言|来信|发帖|网帖|帖文|反映|投诉|咨询|来电)/;

/** Times in the text: dates, deadlines, numbers of days ("3个工作日内", "12月底前", "2019年8月5日"). */
export function timePhrases(text: string): string[] {
  const out: string[] = [];
  for (const pattern of TIME_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 20);
      if (ABOUT_THE_MESSAGE.test(after)) continue;
      out.push(m[0].trim());
    }
  }
  return [...new Set(out)];
}

// A request that asks to be told something (咨询), not to have something done: answered by information.
const INQUIRY = /咨询|请问|询问|想问|问一下|是否|能否|可否|何时|什么时候|如何办理|怎样办理|怎么办理|哪些|哪里|哪个|多少|有没有|吗[?？]?$/;
const DEMAND = /投诉|举报|曝光|违规|违法|违建|扰民|拖欠|不作为|乱收费|强烈/;

export function isInquiry(title: string): boolean {
  return INQUIRY.test(title) && !DEMAND.test(title);
}
