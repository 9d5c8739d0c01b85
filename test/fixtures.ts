/** A small district for API tests: units at three levels, a user per role, a calendar and two services. */
import { beforeAll } from 'vitest';
import { ensureCalendarSeeded } from '../src/calendar/calendar.service.js';
import { createService } from '../src/catalogue/service.service.js';
import type { Unit } from '../src/units/unit.js';
import { bearer, useTestApp, type TestApp } from './app.js';

export interface District {
  t: TestApp;
  units: Record<'district' | 'water' | 'housing' | 'town' | 'village' | 'otherTown' | 'otherVillage', Unit>;
  tokens: Record<'admin' | 'operator' | 'dispatcher' | 'supervisor' | 'leader' | 'town' | 'village' | 'otherTown' | 'water' | 'housing', string>;
  waterService: number;
  consultService: number;
  /** inject with a user's bearer token; JSON in, JSON out. */
  call(user: keyof District['tokens'] | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function useDistrict(start?: Date): District {
  const t = useTestApp(start);
  const d = { t } as District;
  beforeAll(async () => {
    await ensureCalendarSeeded(t.ctx);
    const district = await t.unit('D', 'district', null, '示范区');
    const water = await t.unit('D-WATER', 'department', district, '区水务局');
    const housing = await t.unit('D-HOUSING', 'department', district, '区住建局');
    const town = await t.unit('T1', 'street', district, '城关街道');
    const village = await t.unit('T1-V1', 'community', town, '幸福社区');
    const otherTown = await t.unit('T2', 'town', district, '东湖镇');
    const otherVillage = await t.unit('T2-V1', 'village', otherTown, '湖东村');
    d.units = { district, water, housing, town, village, otherTown, otherVillage };
    const u = (name: string, unit: Unit, roles: Parameters<TestApp['user']>[2]) => t.user(name, unit, roles).then((x) => x.token);
    d.tokens = {
      admin: await u('admin', district, ['admin']),
      operator: await u('operator', district, ['operator']),
      dispatcher: await u('dispatcher', district, ['dispatcher']),
      supervisor: await u('supervisor', district, ['supervisor']),
      leader: await u('leader', district, ['leader']),
      town: await u('town', town, ['handler']),
      village: await u('village', village, ['handler']),
      otherTown: await u('othertown', otherTown, ['handler']),
      water: await u('water', water, ['handler']),
      housing: await u('housing', housing, ['handler']),
    };
    d.waterService = (await createService(t.ctx, null, {
      code: 'WATER-01', name: '供水问题', groupName: '城市管理', keywords: ['停水', '水压', '自来水'], unitId: water.id,
      limits: { acknowledge: { amount: 2, unit: 'hours' }, firstContact: { amount: 1, unit: 'working_days' }, resolve: { amount: 5, unit: 'working_days' }, callback: { amount: 2, unit: 'working_days' } },
      effectiveFrom: new Date('2025-01-01T00:00:00+08:00'),
    })).id;
    d.consultService = (await createService(t.ctx, null, {
      code: 'CONSULT-01', name: '政策咨询', groupName: '咨询', keywords: ['咨询'], unitId: district.id,
      limits: { resolve: { amount: 1, unit: 'working_days' } }, effectiveFrom: new Date('2025-01-01T00:00:00+08:00'),
    })).id;
  });
  d.call = async (user, method, url, payload, headers = {}) => {
    const res = await t.app.inject({ method, url, payload: payload as object | undefined, headers: { ...(user ? bearer(d.tokens[user]) : {}), ...headers } });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  return d;
}

export const citizen = {
  title: '小区停水两天', description: '城关街道幸福社区3栋自前天起停水，至今未恢复，家中有老人。', channel: 'hotline',
  requesterName: '王女士', requesterPhone: '13800001234', location: '城关街道幸福社区3栋',
};
