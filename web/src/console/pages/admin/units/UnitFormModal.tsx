/** Create a unit (at the top or under a parent), edit its details, or move it under another parent. */
import { Alert, Form, Input, InputNumber, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { api, call } from '../../../../api/client';
import { useI18n } from '../../../i18n';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit, type UnitKind } from '../common';
import { FormModal } from '../FormModal';
import { buildUnitTree, unitOptions } from '../unitTree';

export type UnitDialog =
  | { mode: 'create'; parent: Unit | null }
  | { mode: 'edit'; unit: Unit }
  | { mode: 'move'; unit: Unit };

interface Values { code: string; name: string; kind: UnitKind; parentId: number | null; phone?: string; sortOrder?: number }

/** What a new unit under a parent usually is: a town's children are villages, a street's communities. */
function childKind(parent: Unit | null): UnitKind {
  if (!parent) return 'district';
  switch (parent.kind) {
    case 'district': return 'department';
    case 'town': return 'village';
    case 'street': return 'community';
    default: return 'other';
  }
}

export function UnitFormModal({ dialog, units, onClose, onSaved }: { dialog: UnitDialog | null; units: readonly Unit[]; onClose(): void; onSaved(): void }) {
  const { t, lang } = useI18n();
  const tree = useMemo(() => buildUnitTree(units.filter((u) => u.active)), [units]);
  const moving = dialog?.mode === 'move' ? dialog.unit : null;
  // A unit cannot go under itself or its own descendants; the server refuses it too.
  const parentOptions = useMemo(() => unitOptions(tree, t('admInactiveMark'), (u) => !u.active || (moving !== null && u.path.startsWith(moving.path))), [tree, moving, t]);
  const kindOptions = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] }));
  if (!dialog) return <FormModal<Values> open={false} title="" onClose={onClose} onSubmit={async () => undefined}>{null}</FormModal>;

  const submit = async (v: Values) => {
    const phone = v.phone?.trim() ? v.phone.trim() : null;
    if (dialog.mode === 'create') {
      await call(api.POST('/api/v1/units', { body: { code: v.code.trim(), name: v.name.trim(), kind: v.kind, parentId: v.parentId ?? null, phone, sortOrder: v.sortOrder ?? 0 } }));
    } else if (dialog.mode === 'edit') {
      await call(api.PATCH('/api/v1/units/{id}', { params: { path: { id: dialog.unit.id } }, body: { version: dialog.unit.version, name: v.name.trim(), kind: v.kind, phone, sortOrder: v.sortOrder ?? 0 } }));
    } else {
      await call(api.PATCH('/api/v1/units/{id}', { params: { path: { id: dialog.unit.id } }, body: { version: dialog.unit.version, parentId: v.parentId ?? null } }));
    }
    onSaved();
  };

  const title = dialog.mode === 'create'
    ? (dialog.parent ? t('admUnitNewUnder', { name: dialog.parent.name }) : t('admUnitNew'))
    : dialog.mode === 'edit' ? t('admUnitEdit', { name: dialog.unit.name }) : t('admUnitMoveTitle', { name: dialog.unit.name });
  const initial: Partial<Values> = dialog.mode === 'create'
    ? { parentId: dialog.parent?.id ?? null, kind: childKind(dialog.parent), sortOrder: 0 }
    : { ...dialog.unit, phone: dialog.unit.phone ?? undefined };

  return (
    <FormModal<Values> open title={title} initialValues={initial} onClose={onClose} onSubmit={submit}>
      {(form) => (dialog.mode === 'move' ? (
        <>
          <Alert type="info" showIcon title={t('admUnitMoveHint')} style={{ marginBottom: 16 }} />
          <Form.Item name="parentId" label={t('admUnitParent')} extra={t('admUnitParentTopHint')}>
            <TreeSelect treeData={parentOptions} allowClear treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder={t('admUnitTop')} />
          </Form.Item>
        </>
      ) : (
        <>
          {dialog.mode === 'create' && (
            <>
              <Form.Item name="parentId" label={t('admUnitParent')} extra={t('admUnitParentTopHint')}>
                <TreeSelect treeData={parentOptions} allowClear treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder={t('admUnitTop')}
                  onChange={(id?: number) => form.setFieldValue('kind', childKind(units.find((u) => u.id === id) ?? null))} />
              </Form.Item>
              <Form.Item name="code" label={t('admUnitCode')} extra={t('admUnitCodeHint')}
                rules={[{ required: true, message: t('admRequired') }, { pattern: /^[A-Za-z0-9_.-]+$/, message: t('admCodePattern') }]}>
                <Input maxLength={40} autoComplete="off" />
              </Form.Item>
            </>
          )}
          <Form.Item name="name" label={t('admUnitName')} rules={[{ required: true, whitespace: true, message: t('admRequired') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('admUnitKind')} rules={[{ required: true }]}>
            <Select options={kindOptions} />
          </Form.Item>
          <Form.Item name="phone" label={t('admUnitPhone')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('admSortOrder')} extra={t('admSortOrderHint')}>
            <InputNumber style={{ width: 160 }} />
          </Form.Item>
        </>
      ))}
    </FormModal>
  );
}
