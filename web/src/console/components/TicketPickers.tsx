/** Pickers for a unit (from the organisation chart) and a service (from the catalogue in force). */
import { Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { unitTree, useServices, useUnits } from './TicketRefData';
import type { Unit } from './TicketTypes';

interface UnitPickerProps {
  value?: number | number[];
  onChange?: (v: number | number[] | undefined) => void;
  multiple?: boolean;
  under?: Unit;
  exclude?: number[];
  placeholder?: string;
  id?: string;
  autoFocus?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

export function TicketUnitPicker({ multiple, under, exclude, placeholder, allowClear = true, style, ...rest }: UnitPickerProps) {
  const units = useUnits();
  const { t } = useI18n();
  const tree = useMemo(() => (units ? unitTree(units, { under, exclude }) : []), [units, under, exclude]);
  return (
    <TreeSelect {...rest} treeData={tree} multiple={multiple} allowClear={allowClear} showSearch treeDefaultExpandAll
      treeNodeFilterProp="title" loading={!units} placeholder={placeholder ?? t('tkPickUnit')}
      style={{ width: '100%', ...style }} styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }} />
  );
}

interface ServicePickerProps {
  value?: number | null;
  onChange?: (v: number | null) => void;
  placeholder?: string;
  id?: string;
  onKeyDown?: React.KeyboardEventHandler;
  onOpenChange?: (open: boolean) => void;
  style?: React.CSSProperties;
}

export function TicketServicePicker({ placeholder, style, value, onChange, ...rest }: ServicePickerProps) {
  const services = useServices();
  const { t } = useI18n();
  const groups = useMemo(() => {
    const by = new Map<string, Array<{ value: number; label: string; search: string }>>();
    for (const s of services ?? []) {
      if (!s.active) continue;
      const list = by.get(s.groupName) ?? [];
      list.push({ value: s.id, label: `${s.name} · ${s.unitName}`, search: `${s.name} ${s.code} ${s.keywords.join(' ')} ${s.unitName}` });
      by.set(s.groupName, list);
    }
    return [...by.entries()].map(([group, opts]) => ({ label: group, title: group, options: opts }));
  }, [services]);
  return (
    <Select {...rest} value={value ?? undefined} onChange={(v?: number) => onChange?.(v ?? null)} options={groups} allowClear
      showSearch={{ filterOption: (input, o) => !!(o as { search?: string }).search?.toLowerCase().includes(input.toLowerCase()) }}
      loading={!services} placeholder={placeholder ?? t('tkPickService')} style={{ width: '100%', ...style }} />
  );
}
