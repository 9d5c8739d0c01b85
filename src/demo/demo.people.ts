/** People of the demo district: staff accounts for every role, and the names and numbers of requesters. */
import type { Role } from '../platform/auth/roles.js';
import { departmentByKey, type DemoDistrict, type DepartmentKey } from './demo.district.js';
import { createRandom, type Random } from './demo.random.js';
import { FIRM_BRANDS, FIRM_FORMS, FIRM_TRADES, GIVEN_CHARS, PHONE_PREFIXES, SURNAMES } from './demo.vocab.js';

export function personName(rng: Random): string {
  const given = rng.chance(0.7) ? `${rng.pick(GIVEN_CHARS)}${rng.pick(GIVEN_CHARS)}` : rng.pick(GIVEN_CHARS);
  return `${rng.pick(SURNAMES)}${given}`;
}

/** Hotline records often keep only the family name: 王女士, 李先生. */
export function requesterName(rng: Random): string {
  return rng.chance(0.45) ? `${rng.pick(SURNAMES)}${rng.chance(0.5) ? '女士' : '先生'}` : personName(rng);
}

export function mobile(rng: Random): string {
  return `${rng.pick(PHONE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function firmName(rng: Random, district: string): string {
  return `${district}${rng.pick(FIRM_BRANDS)}${rng.pick(FIRM_TRADES)}${rng.pick(FIRM_FORMS)}`;
}

export interface DemoUser { username: string; displayName: string; unitCode: string; roles: Role[]; phone: string; duty: string }

/** Staff of the district-wide desks; the first of each role is the one printed at start. */
const STAFF: ReadonlyArray<[username: string, dept: DepartmentKey | 'root', roles: Role[], duty: string]> = [
  ['admin', 'root', ['admin'], '系统管理员'],
  ['operator', 'hotline', ['operator'], '12345 话务员'],
  ['dispatcher', 'hotline', ['dispatcher'], '派单员'],
  ['supervisor', 'inspection', ['supervisor'], '督办员'],
  ['leader', 'root', ['leader'], '分管副区长'],
  ['commissioner', 'business', ['commissioner'], '助企服务专员'],
  ['butler', 'investment', ['butler'], '重点项目管家'],
  ['operator2', 'hotline', ['operator'], '12345 话务员'],
  ['operator3', 'hotline', ['operator'], '12345 话务员'],
  ['dispatcher2', 'hotline', ['dispatcher'], '派单员'],
  ['supervisor2', 'inspection', ['supervisor'], '督办员'],
  ['window', 'services', ['operator'], '“办不成事”窗口受理员'],
  ['qiye', 'business', ['operator'], '企业服务专线受理员'],
  ['integration', 'hotline', ['operator'], '城市运行管理平台对接账号'],
];

export function demoUsers(d: DemoDistrict, seed: number): DemoUser[] {
  const rng = createRandom(seed ^ 0x5eed);
  const staff = STAFF.map(([username, dept, roles, duty]) => ({
    username, roles, duty, displayName: personName(rng), phone: mobile(rng),
    unitCode: dept === 'root' ? d.root.code : departmentByKey(d, dept).code,
  }));
  // One handler per unit, named after its code, so a tester can sign in as any unit of the tree.
  const handlers = d.units.map((u) => ({
    username: u.code.toLowerCase(), roles: ['handler'] as Role[], duty: `${u.name}承办人`, displayName: personName(rng), phone: mobile(rng), unitCode: u.code,
  }));
  return [...staff, ...handlers];
}
