export const UNIT_KINDS = ['district', 'department', 'town', 'street', 'village', 'community', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_NAMES_ZH: Record<UnitKind, string> = {
  district: '区/县', department: '部门', town: '镇', street: '街道', village: '村', community: '社区', other: '其他',
};

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  path: string;
  depth: number;
  active: boolean;
  phone: string | null;
  sortOrder: number;
  version: number;
}
