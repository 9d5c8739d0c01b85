/** The demo sign-ins printed at start: a compact table a tester can read off the terminal. */
import { ROLE_NAMES_ZH } from '../platform/auth/roles.js';
import type { DemoDistrict } from './demo.district.js';
import type { DemoUser } from './demo.people.js';
import { DEMO_OPEN311 } from './demo.open311.js';

const SHOWN_STAFF = ['admin', 'operator', 'dispatcher', 'supervisor', 'leader', 'commissioner', 'butler'];
const SHOWN_HANDLERS = ['d12', 't03', 't03-v05'];

/** Width on a terminal: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((n, c) => n + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
const padTo = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function loginTable(d: DemoDistrict, users: readonly DemoUser[], password: string): string {
  const names = new Map(d.units.map((u) => [u.code, u.name]));
  const pick = (list: string[]) => list.map((n) => users.find((u) => u.username === n)).filter((u): u is DemoUser => u !== undefined);
  const rows = [...pick(SHOWN_STAFF), ...pick(SHOWN_HANDLERS)].map((u) => [u.username, `${u.roles[0]} ${ROLE_NAMES_ZH[u.roles[0]!]}`, names.get(u.unitCode) ?? u.unitCode]);
  const head = ['username', 'role', 'unit'];
  const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (r: string[]) => `  ${r.map((c, i) => padTo(c, cols[i]!)).join('  ')}`.trimEnd();
  const example = SHOWN_HANDLERS[2]!;
  return [
    `Demo sign-ins (演示账号), password for all: ${password}`,
    line(head),
    line(cols.map((n) => '-'.repeat(n))),
    ...rows.map(line),
    `  … and one handler per unit: username = unit code in lower case, e.g. ${example} (${names.get(example.toUpperCase()) ?? ''}).`,
    `  Open311 (GeoReport v2) demo api_key: ${DEMO_OPEN311.key}`,
  ].join('\n');
}
