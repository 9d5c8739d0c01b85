/** The roles a user can hold (issue: people and access). A user may hold several. */
export const ROLES = ['admin', 'operator', 'dispatcher', 'handler', 'supervisor', 'leader', 'commissioner', 'butler'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES_ZH: Record<Role, string> = {
  admin: '系统管理员',
  operator: '话务员',
  dispatcher: '派单员',
  handler: '承办人',
  supervisor: '督办员',
  leader: '领导',
  commissioner: '助企服务专员',
  butler: '项目管家',
};

/** The signed-in person a request acts for, with the unit subtree they may see. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  /** Materialised ancestry of the actor's unit, e.g. '/1/5/': its subtree is every path with this prefix. */
  unitPath: string;
  roles: readonly Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** Whether a unit (given by its path) lies in the actor's unit or below it. */
export function inActorSubtree(actor: Actor, unitPath: string): boolean {
  return unitPath.startsWith(actor.unitPath);
}
