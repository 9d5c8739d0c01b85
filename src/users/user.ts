import type { Role } from '../platform/auth/roles.js';

export interface User {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  roles: Role[];
  phone: string | null;
  active: boolean;
  version: number;
}
