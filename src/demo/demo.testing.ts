/** Test helpers: the demo district as a World with made-up ids, on a calendar compiled from the package's data. */
import { compileCalendar, type WorkCalendar } from '../calendar/calendar.js';
import { scheduleFromChineseDays } from '../calendar/calendar.holidays.js';
import { effectiveLimits } from '../catalogue/service.js';
import { limitsOf } from './demo.catalogue.js';
import { generateDistrict } from './demo.district.js';
import { demoUsers } from './demo.people.js';
import { DEMO_SERVICES } from './demo.services.js';
import type { World, WorldUnit } from './demo.story.js';

export function testCalendar(years = [2025, 2026]): WorkCalendar {
  return compileCalendar({ years: years.map((y) => scheduleFromChineseDays(y)!), version: '1' });
}

export function testWorld(seed: number, anchor: Date, cal = testCalendar()): World {
  const d = generateDistrict(seed);
  const units = new Map<string, WorldUnit>();
  d.units.forEach((u, i) => {
    const parent = u.parentCode ? units.get(u.parentCode)! : null;
    units.set(u.code, { id: i + 1, code: u.code, name: u.name, path: `${parent ? parent.path : '/'}${i + 1}/`, active: true, kind: u.kind, phone: u.phone });
  });
  const services: World['services'] = new Map(DEMO_SERVICES.map((s, i) => [s.code, {
    id: i + 1, versionId: i + 1, spec: s, limits: effectiveLimits(limitsOf(s)), unit: units.get(d.departments.find((x) => x.key === s.dept)!.code)!,
  }]));
  const users = demoUsers(d, seed);
  const id = (username: string) => users.findIndex((u) => u.username === username) + 1;
  const handlers = new Map(users.filter((u) => u.roles.includes('handler')).map((u) => [units.get(u.unitCode)!.id, id(u.username)]));
  return {
    cal, anchor, district: d, units, services, handlers,
    staff: {
      operators: [id('operator'), id('operator2'), id('operator3')], dispatchers: [id('dispatcher'), id('dispatcher2')],
      supervisors: [id('supervisor'), id('supervisor2')], window: id('window'), enterprise: id('qiye'), integration: id('integration'),
    },
  };
}
