import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOV_MESSAGES, hasGovMessages } from '../text/text.testing.js';
import { parseHotspotLines, parseLocalTime } from './hotspot.file.js';
import { mineHotspots, type HotspotMessage } from './hotspot.rules.js';

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 2));
let next = 1;
const msg = (title: string, body: string, day: number, extra: Partial<HotspotMessage> = {}): HotspotMessage =>
  ({ id: next++, title, body, at: at(day), reaction: 0, ...extra });
const ids = (from: number) => { next = from; };

// A month of a district: one compound's water keeps failing, a building site keeps people awake, and the
// rest is the everyday variety that must not form hotspots.
function month(): HotspotMessage[] {
  ids(1);
  const out: HotspotMessage[] = [];
  for (let i = 0; i < 8; i++) out.push(msg(`锦华苑小区${i + 1}栋又停水了`, `锦华苑小区${i + 1}栋从早上开始停水，二次供水泵房故障，已经是本月第${i + 2}次。`, 14 + i * 2, { reaction: i }));
  for (let i = 0; i < 5; i++) out.push(msg('文昌路工地夜间施工扰民', `文昌路地铁站工地每晚施工到凌晨${i + 1}点，噪音很大，孩子无法入睡。`, 3 + i * 5));
  // The same kind of complaint, but one each at different compounds: not one hotspot.
  const places = ['桂园小区', '新港社区', '湖东村', '南坪村', '金沙花园', '幸福社区'];
  places.forEach((p, i) => out.push(msg(`${p}停水`, `${p}今天停水，没有提前通知。`, 2 + i * 4)));
  const everyday = ['路灯不亮', '井盖缺失', '占道经营', '广场舞噪音', '楼道堆物', '违章搭建', '物业费上涨', '垃圾清运不及时'];
  everyday.forEach((e, i) => out.push(msg(e, `${places[i % places.length]}${e}，请处理。`, 1 + i * 3)));
  return out;
}

describe('mining hotspots: the same problem at the same place', () => {
  it('finds the compound whose water keeps failing and the noisy building site, named by place and problem', () => {
    const found = mineHotspots(month(), { from: at(1), to: at(30) });
    expect(found.length).toBe(2);
    const [water, works] = found;
    expect(water).toMatchObject({ size: 8, place: '锦华苑小区' });
    expect(water!.name).toContain('锦华苑小区');
    expect(water!.name).toMatch(/停水/);
    expect(works).toMatchObject({ size: 5 });
    expect(works!.name).toContain('文昌路');
    expect(works!.keywords.join(' ')).toMatch(/施工|噪音/);
  });

  it('ranks by size, public reaction and growth', () => {
    const found = mineHotspots(month(), { from: at(1), to: at(30) });
    const [water] = found;
    expect(water!.reaction).toBe(28);
    expect(water!.first.getTime()).toBe(at(14).getTime());
    expect(water!.last.getTime()).toBe(at(28).getTime());
    // Three of eight in the last quarter of the month: rising.
    expect(water!.growth).toBeGreaterThan(1);
    expect(found.map((h) => h.heat)).toEqual([...found.map((h) => h.heat)].sort((a, b) => b - a));
  });

  it('uses the location a ticket recorded for its place', () => {
    const base = month();
    ids(1000);
    const tickets = [1, 2, 3, 4].map((i) => msg('楼下污水外溢', `下水道堵塞，污水流到路面，气味难闻，第${i}次反映。`, i * 5, { location: `城关街道幸福社区${i}栋`, category: '排水设施' }));
    const found = mineHotspots([...tickets, ...base], { from: at(1), to: at(30) });
    expect(found.find((h) => h.memberIds.includes(1000))).toMatchObject({ place: '城关街道幸福社区', size: 4, memberIds: [1000, 1001, 1002, 1003] });
  });

  it('is deterministic and finds nothing in nothing', () => {
    expect(mineHotspots([])).toEqual([]);
    expect(mineHotspots(month())).toEqual(mineHotspots(month()));
  });
});

describe('the JSON lines anyone can mine', () => {
  it('reads Beijing times in both forms and refuses lines without text or time', () => {
    expect(parseLocalTime('2019/2/28 11:25:05')?.toISOString()).toBe('2019-02-28T03:25:05.000Z');
    expect(parseLocalTime('2017-06-08 17:31:20')?.toISOString()).toBe('2017-06-08T09:31:20.000Z');
    const [m] = parseHotspotLines('{"id":7,"title":"停水","body":"","time":"2019-02-28 11:25:05","likes":3,"dislikes":1}\n');
    expect(m).toMatchObject({ id: 7, reaction: 4 });
    expect(() => parseHotspotLines('{"id":1,"title":"","body":"","time":"2019-01-01"}')).toThrow(/line 1/);
    expect(() => parseHotspotLines('{"id":1,"title":"停水","time":"昨天"}')).toThrow(/time/);
  });
});

describe.skipIf(!hasGovMessages())('on hot.jsonl, real messages to a provincial government', () => {
  it('puts the known affairs of that year at the top', () => {
    const messages = parseHotspotLines(fs.readFileSync(path.join(GOV_MESSAGES, 'hot.jsonl'), 'utf8'));
    const top = mineHotspots(messages, { limit: 10 });
    const names = top.map((h) => h.name).join(' | ');
    // Read off the data by hand: a concrete plant beside 丽发新城, parking spaces sold with flats at 伊景园滨河苑,
    // and the 58车贷 fraud case, each the subject of dozens of messages.
    expect(names).toContain('丽发新城');
    expect(names).toContain('伊景园滨河苑');
    expect(names).toContain('58车贷');
    const plant = top.find((h) => h.name.includes('丽发新城'))!;
    expect(plant.size).toBeGreaterThanOrEqual(30);
    expect(plant.keywords.join(' ')).toContain('搅拌');
  }, 60_000);
});
