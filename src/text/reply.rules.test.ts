import { describe, expect, it } from 'vitest';
import { checkReply, replyPeer, type ReplyRequest } from './reply.rules.js';
import { indexPeers } from './reply.peers.js';
import { corpusContext, hasReplies, readReplies, splitReplies } from './reply.testing.js';

const GARBAGE: ReplyRequest = { title: '小区楼下垃圾堆积无人清运', description: '城关街道幸福社区3栋楼下垃圾已堆积三天，气味很大，希望尽快清运。' };
const codes = (request: ReplyRequest, reply: string, options = {}) => checkReply(request, reply, options).flags.map((f) => f.code);

describe('checkReply: what a reader would miss in a reply', () => {
  it('given a specific reply (what was found, done, when): no flag', () => {
    const reply = '您好！经现场核查，幸福社区3栋楼下确有垃圾堆积。街道已于3月2日下午安排环卫人员清运完毕，并责令物业每日巡查。感谢您的监督！';
    const check = checkReply(GARBAGE, reply);
    expect(check.flags).toEqual([]);
    expect(check.relevance).toBeGreaterThan(0.5);
    expect(check.times).toContain('3月2日');
  });

  it('given only formulae (received, passed on, thanks): boilerplate, with the formulae as evidence', () => {
    const check = checkReply(GARBAGE, '您好！您的留言已收悉，我们将转交相关部门处理，感谢您的关注与支持。');
    expect(check.flags.map((f) => f.code)).toEqual(['boilerplate']);
    expect(check.flags[0]!.evidence).toContain('您的留言已收悉');
    expect(check.flags[0]!.message).toMatch(/客套话/);
    expect(check.flags[0]!.messageEn).toMatch(/formulae/);
  });

  it('given a fragment without formulae: too short', () => {
    expect(codes(GARBAGE, '此事正在处理中。')).toEqual(['too_short']);
  });

  it('given a reply about something else: low relevance, naming the words it leaves out', () => {
    const check = checkReply(GARBAGE, '经查，东湖镇湖东村村口路灯线路老化，镇政府已于5月6日安排电工更换灯具，路灯已恢复照明。');
    expect(check.flags.map((f) => f.code)).toEqual(['low_relevance']);
    expect(check.flags[0]!.evidence).toEqual(expect.arrayContaining(['垃圾', '清运']));
  });

  it('given an explanation of the rules and nothing done: no action, and no time', () => {
    const noise: ReplyRequest = { title: '投诉幸福社区广场舞噪音扰民', description: '每晚广场舞音响声音很大，影响休息。' };
    const reply = '根据《中华人民共和国环境噪声污染防治法》规定，在城市市区街道、广场、公园等公共场所组织娱乐、集会等活动，使用音响器材可能产生干扰周围生活环境的过大音量的，须遵守当地公安机关的规定。广场舞噪音属于社会生活噪声。';
    expect(codes(noise, reply)).toEqual(['no_action', 'no_time']);
  });

  it('given a promise without a date: no time; with a deadline: no flag', () => {
    expect(codes(GARBAGE, '我街道将尽快安排环卫人员对幸福社区3栋楼下的垃圾进行清运，并督促物业加强日常保洁管理。')).toEqual(['no_time']);
    expect(codes(GARBAGE, '我街道将在3个工作日内安排环卫人员对幸福社区3栋楼下的垃圾进行清运，并督促物业加强日常保洁管理。')).toEqual([]);
  });

  it('given work reported done, without a date: the result speaks for itself', () => {
    expect(codes(GARBAGE, '街道已安排环卫人员将幸福社区3栋楼下堆积的垃圾全部清运完毕，并要求物业公司增加该点位的保洁频次。')).toEqual([]);
  });

  it('given a consultation (咨询): an answer needs neither an action nor a date', () => {
    const ask: ReplyRequest = { title: '咨询社保卡补办', description: '社保卡丢失后在哪里补办，需要带什么材料？' };
    expect(codes(ask, '社保卡丢失后，可携带本人身份证到区政务服务中心社保窗口挂失并补办，工本费按规定收取，一般可当场领取新卡。')).toEqual([]);
  });

  it('given a stock text pasted to an unrelated request: boilerplate naming the other ticket; for a request on the same topic: no copy flag', () => {
    const stock = '目前，我局正在编制全市轨道交通线网规划修编方案，对于您的意见和建议，我局将组织专家充分论证研究，统筹考虑全市发展需要。';
    const peers = indexPeers([replyPeer(41, { title: '建议地铁2号线延伸到梅溪湖', description: '希望地铁2号线西延至梅溪湖片区，方便居民出行。' }, stock)]);
    const unrelated = checkReply({ title: '建议在东湖公园增设公共厕所', description: '东湖公园游客很多，只有一个厕所，经常排队。' }, stock, { peers });
    expect(unrelated.flags.find((f) => f.code === 'boilerplate')).toMatchObject({ evidence: ['41'] });
    const sameTopic = checkReply({ title: '建议地铁2号线延伸到梅溪湖西', description: '地铁2号线应继续西延到梅溪湖西片区。' }, stock, { peers });
    expect(sameTopic.flags.map((f) => f.code)).not.toContain('boilerplate');
  });

  it('given a template that quotes the request title back: still boilerplate (a quoted title answers nothing)', () => {
    const reply = '您好！关于您反映的“小区楼下垃圾堆积无人清运”一事，我们已收悉并转交相关部门处理，感谢您的理解与支持。';
    expect(codes(GARBAGE, reply)).toEqual(['boilerplate']);
  });
});

// Real replies of a provincial government (shared data, never copied here); skipped where the folder is missing.
describe.skipIf(!hasReplies())('checkReply on replies.jsonl (the report half)', () => {
  const all = hasReplies() ? readReplies() : [];
  const { report } = splitReplies(all);
  const context = corpusContext(all);
  const check = (id: number) => {
    const m = all.find((x) => x.id === id)!;
    return checkReply({ title: m.title, description: m.body }, m.reply, context).flags.map((f) => f.code);
  };

  it('flags about a third of the replies, boilerplate in about one in ten (bounds read off bench/reply.bench.ts)', () => {
    const flagged = report.map((m) => checkReply({ title: m.title, description: m.body }, m.reply, context).flags);
    const share = (code?: string) => flagged.filter((f) => (code ? f.some((x) => x.code === code) : f.length > 0)).length / report.length;
    expect(share()).toBeGreaterThan(0.2);
    expect(share()).toBeLessThan(0.45);
    expect(share('boilerplate')).toBeGreaterThan(0.05);
    expect(share('boilerplate')).toBeLessThan(0.15);
  });

  it('flags the templates and the mismatch we found by reading', () => {
    expect(check(12258)).toEqual(['boilerplate']); // 用水问题 → "网友：您好！留言已收悉"
    expect(check(74486)).toEqual(['boilerplate']); // 砖厂污染 → "您的留言已收悉。…已转F9市调查处理。"
    expect(check(4507)).toContain('low_relevance'); // 学校国庆补课 → a reply about a building site's night work
    expect(check(3980)).toContain('boilerplate'); // 磁悬浮 → the metro plan text given to many other requests
  });

  it('leaves alone the specific replies we read', () => {
    expect(check(6868)).toEqual([]); // 烧烤摊油烟: inspected, moved indoors, fume filter fitted, re-checks to come
    expect(check(7122)).toEqual([]); // 茶楼赌博机: two raids, machines destroyed
    expect(check(23001)).toEqual([]); // 建筑垃圾: inspected 16 April, cleared by 28 April
  });
});
