import { describe, expect, it } from 'vitest';
import { SimilarityIndex, type SimilarDoc } from './similar.js';

// A district's worth of other open tickets, so that idf weights mean something: every problem at every place.
const PROBLEMS = [
  ['路灯不亮', '晚上路灯一直不亮，出行不便，请尽快维修。'],
  ['楼道堆放杂物', '楼道里堆满杂物，存在消防安全隐患。'],
  ['占道经营', '商贩在路边占道经营，影响通行。'],
  ['噪音扰民', '广场舞音响声音太大，晚上十点还不停。'],
  ['井盖缺失', '路口井盖丢失，容易发生危险。'],
  ['物业费收费不合理', '物业公司擅自上调物业费，服务却没有改善。'],
  ['违章搭建', '一楼住户在绿地上违章搭建棚子。'],
  ['下水道堵塞', '下水道堵塞，污水漫到路面上，气味难闻。'],
];
const PLACES = ['城关街道锦华小区', '城关街道文化路', '东湖镇湖东村', '东湖镇新港社区', '西山街道桂园小区', '城关街道幸福社区', '南坪镇南坪村'];

function district(): { index: SimilarityIndex; docs: Map<string, SimilarDoc> } {
  const index = new SimilarityIndex();
  let id = 1000;
  for (const place of PLACES) {
    for (const [title, description] of PROBLEMS) index.add({ id: id++, title: title!, description: `${place.slice(4)}${description}`, location: place });
  }
  const docs = new Map<string, SimilarDoc>([
    ['outage', { id: 1, title: '小区停水两天', description: '幸福社区3栋自前天起停水，至今未恢复，家中有老人。', location: '城关街道幸福社区3栋' }],
    ['rubbish', { id: 2, title: '垃圾无人清运', description: '幸福社区5栋门口垃圾堆积一周无人清运，臭味很大。', location: '城关街道幸福社区5栋' }],
    ['works', { id: 3, title: '夜间施工噪音扰民', description: '文化路工地每晚施工到凌晨，严重影响休息。', location: '城关街道文化路工地' }],
    ['pressure', { id: 4, title: '楼上水压太低', description: '文化路8号高层住户反映水压低，热水器无法启动。', location: '城关街道文化路8号', lat: 30.5001, lng: 114.3001 }],
  ]);
  for (const d of docs.values()) index.add(d);
  return { index, docs };
}

describe('finding open tickets about the same problem at the same place', () => {
  it('finds the neighbour\'s report of the same outage as a duplicate, and not the other problem in the compound', () => {
    const { index } = district();
    const hits = index.query({ title: '停水', description: '幸福社区2栋也停水了，一直没来水', location: '城关街道幸福社区' });
    expect(hits[0]).toMatchObject({ id: 1, duplicate: true });
    expect(hits.find((h) => h.id === 2)?.duplicate ?? false).toBe(false);
  });

  it('recognises the same problem told in other words, while the operator is still typing', () => {
    const { index } = district();
    const hits = index.query({ title: '工地施工太吵', description: '文化路工地晚上施工到凌晨', location: '文化路' });
    expect(hits[0]).toMatchObject({ id: 3, duplicate: true });
  });

  it('the same wording elsewhere is related, not a duplicate', () => {
    const { index, docs } = district();
    const outage = docs.get('outage')!;
    const hit = index.query({ ...outage, location: '南坪镇南坪村' }).find((h) => h.id === 1);
    expect(hit).toMatchObject({ duplicate: false });
    expect(hit!.text).toBeGreaterThan(0.6);
    expect(hit!.place).toBeLessThan(0.5);
  });

  it('takes coordinates over the location text when both sides have them', () => {
    const { index } = district();
    const text = { title: '水压低', description: '高层住户水压太低，热水器打不着火', location: '城关街道某小区' };
    const near = index.query({ ...text, lat: 30.5002, lng: 114.3002 }).find((h) => h.id === 4)!;
    expect(near).toMatchObject({ duplicate: true });
    expect(near.distanceM).toBeLessThan(20);
    const far = index.query({ ...text, lat: 30.52, lng: 114.33 }).find((h) => h.id === 4);
    expect(far?.duplicate ?? false).toBe(false);
  });

  it('forgets closed tickets and leaves out the ticket itself', () => {
    const { index, docs } = district();
    const outage = docs.get('outage')!;
    expect(index.query(outage, { excludeIds: [1] }).some((h) => h.id === 1)).toBe(false);
    index.remove(1);
    expect(index.has(1)).toBe(false);
    expect(index.query(outage).some((h) => h.id === 1)).toBe(false);
    expect(index.waste).toBeGreaterThan(0);
  });

  it('finds nothing for text that says nothing, or an empty index', () => {
    expect(new SimilarityIndex().query({ title: '停水', description: '', location: '' })).toEqual([]);
    expect(district().index.query({ title: '。', description: '！！', location: '' })).toEqual([]);
  });
});
