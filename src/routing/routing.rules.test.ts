import { describe, expect, it } from 'vitest';
import { isConfident, suggestServices } from './routing.rules.js';

const catalogue = [
  { id: 1, name: '供水问题', keywords: ['停水', '水压', '自来水'] },
  { id: 2, name: '物业服务', keywords: ['物业', '物业费', '电梯'] },
  { id: 3, name: '占道经营', keywords: ['占道', '摆摊'] },
];

describe('keyword routing', () => {
  it('ranks the services whose keywords occur, longer keywords weighing more', () => {
    const s = suggestServices('幸福小区3栋停水两天，物业不管', catalogue);
    expect(s.map((x) => x.serviceId)).toEqual([1, 2]);
    expect(s[0]!.matched).toEqual(['停水']);
  });

  it('is confident only with a clear winner', () => {
    expect(isConfident(suggestServices('停水了，自来水水压低', catalogue))).toBe(true);
    expect(isConfident(suggestServices('停水，物业不管', catalogue))).toBe(false);
    expect(isConfident(suggestServices('咨询社保政策', catalogue))).toBe(false);
  });
});
