/**
 * The demo catalogue: 100 services in groups, each with keywords, the department that answers for it,
 * plausible time limits, and the phrases the ticket generator writes requests and replies from
 * (demo.services.*.ts hold the data; demo.texts.ts assembles the sentences).
 */
import type { ServiceLimits } from '../catalogue/service.js';
import type { DepartmentKey } from './demo.district.js';

/**
 * How fast a service must be handled. Acknowledge within 2 office hours and first contact within one
 * working day are the hotline's usual promises; resolve limits of 3/5/10/15 working days follow how much
 * work a case takes; emergencies run around the clock.
 */
export type LimitClass = 'emergency' | 'consult' | 'fast' | 'standard' | 'long' | 'complex';

const ACK = { amount: 2, unit: 'hours' } as const;
const FIRST_CONTACT = { amount: 1, unit: 'working_days' } as const;
const CALLBACK = { amount: 2, unit: 'working_days' } as const;
const wd = (amount: number) => ({ amount, unit: 'working_days' as const });

export const LIMIT_CLASSES: Record<LimitClass, ServiceLimits> = {
  // A missing manhole cover or a burst main: on site within the hour, made safe within 2 hours, day or night.
  emergency: {
    acknowledge: { amount: 15, unit: 'minutes', natural: true }, firstContact: { amount: 30, unit: 'minutes', natural: true },
    resolve: { amount: 2, unit: 'hours', natural: true }, callback: CALLBACK, maxExtensions: 0,
  },
  consult: { acknowledge: ACK, resolve: wd(1), callback: CALLBACK, maxExtensions: 0 },
  fast: { acknowledge: ACK, firstContact: FIRST_CONTACT, resolve: wd(3), callback: CALLBACK },
  standard: { acknowledge: ACK, firstContact: FIRST_CONTACT, resolve: wd(5), callback: CALLBACK },
  long: { acknowledge: ACK, firstContact: FIRST_CONTACT, resolve: wd(10), callback: CALLBACK },
  // Disputes over land, wages owed, unlicensed building: two extensions of up to 10 working days each.
  complex: { acknowledge: ACK, firstContact: FIRST_CONTACT, resolve: wd(15), callback: CALLBACK, maxExtensions: 2 },
};

/** Where the requester says the problem is; decides how demo.texts.ts writes the address. */
export type PlaceKind = 'building' | 'compound' | 'road' | 'village' | 'landmark' | 'shop' | 'school' | 'hospital' | 'enterprise' | 'home';

export interface DemoService {
  code: string;
  name: string;
  group: string;
  dept: DepartmentKey;
  /**
   * 属地: handled by the street or town where it happens (which may hand it to the community or village),
   * not by the department; the dispatcher assigns it by address.
   */
  territorial: boolean;
  limit: LimitClass;
  place: PlaceKind;
  /** How often it comes up, relative to the others. */
  weight: number;
  keywords: string[];
  /** What the requester says is wrong, written to follow an address: "楼道灯坏了". */
  problems: string[];
  /** What the unit did, written to follow "已于3月5日": "安排电工更换了灯具". */
  actions: string[];
  /** How things stand now: "目前照明已恢复正常". Falls back to the group's. */
  results?: string[];
  /** Kinds of shop for place 'shop'. */
  shops?: string[];
  /** The requester is an enterprise. */
  enterprise?: boolean;
}

export interface GroupTexts { impacts: string[]; wishes: string[]; results: string[] }

type Row = [code: string, name: string, dept: DepartmentKey, limit: LimitClass, place: PlaceKind, weight: number, keywords: string[], problems: string[], actions: string[], results?: string[]];

/** Build a group's services from compact rows; options apply to every row of the group. */
export function group(name: string, rows: Row[], options: { territorial?: string[]; shops?: Record<string, string[]>; enterprise?: boolean } = {}): DemoService[] {
  return rows.map(([code, service, dept, limit, place, weight, keywords, problems, actions, results]) => ({
    code, name: service, group: name, dept, limit, place, weight, keywords, problems, actions,
    ...(results ? { results } : {}),
    territorial: options.territorial?.includes(code) ?? false,
    ...(options.shops?.[code] ? { shops: options.shops[code] } : {}),
    ...(options.enterprise ? { enterprise: true } : {}),
  }));
}

export function limitsOf(service: Pick<DemoService, 'limit'>): ServiceLimits {
  return structuredClone(LIMIT_CLASSES[service.limit]);
}

export function describeService(s: DemoService): string {
  const answer = s.territorial ? '由所在街道（镇）属地办理' : '由责任部门办理';
  return `${s.name}：${s.problems.slice(0, 2).join('、')}等问题，${answer}。`;
}
