/** Create a user, or change a user's name, unit, roles and phone. */
import { Checkbox, Col, Form, Input, Row, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { api, call } from '../../../../api/client';
import type { Role } from '../../../auth';
import { useI18n } from '../../../i18n';
import { ROLE_LABELS, ROLES, type Unit, type User } from '../common';
import { FormModal } from '../FormModal';
import { buildUnitTree, unitOptions } from '../unitTree';
import { PasswordField, passwordRules } from './PasswordModal';

export type UserDialog = { mode: 'create' } | { mode: 'edit'; user: User };

interface Values { username: string; displayName: string; unitId: number; roles: Role[]; phone?: string; password: string }

export function UserFormModal({ dialog, units, onClose, onSaved }: { dialog: UserDialog | null; units: readonly Unit[]; onClose(): void; onSaved(): void }) {
  const { t, lang } = useI18n();
  const options = useMemo(() => unitOptions(buildUnitTree(units.filter((u) => u.active)), t('admInactiveMark')), [units, t]);
  const submit = async (v: Values) => {
    const phone = v.phone?.trim() ? v.phone.trim() : null;
    if (dialog?.mode === 'edit') {
      await call(api.PATCH('/api/v1/users/{id}', {
        params: { path: { id: dialog.user.id } },
        body: { version: dialog.user.version, displayName: v.displayName.trim(), unitId: v.unitId, roles: v.roles, phone },
      }));
    } else {
      await call(api.POST('/api/v1/users', { body: { username: v.username.trim(), displayName: v.displayName.trim(), unitId: v.unitId, roles: v.roles, phone, password: v.password } }));
    }
    onSaved();
  };
  const editing = dialog?.mode === 'edit' ? dialog.user : null;
  return (
    <FormModal<Values> open={dialog !== null} width={640} onClose={onClose} onSubmit={submit}
      title={editing ? t('admUserEdit', { name: editing.displayName }) : t('admUserNew')}
      initialValues={editing ? { ...editing, phone: editing.phone ?? undefined } : { roles: ['handler'] }}>
      {(form) => (
        <>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="username" label={t('username')} extra={editing ? undefined : t('admUsernameHint')}
                rules={[{ required: true, message: t('admRequired') }, { pattern: /^[A-Za-z0-9_.-]{2,64}$/, message: t('admUsernamePattern') }]}>
                <Input disabled={!!editing} autoComplete="off" maxLength={64} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="displayName" label={t('admUserName')} rules={[{ required: true, whitespace: true, message: t('admRequired') }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="unitId" label={t('admUserUnit')} rules={[{ required: true, message: t('admRequired') }]}>
                <TreeSelect treeData={options} showSearch treeNodeFilterProp="title" treeDefaultExpandAll placeholder={t('admPickUnit')} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="phone" label={t('admUserPhone')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="roles" label={t('admUserRoles')} rules={[{ required: true, type: 'array', min: 1, message: t('admUserRolesRequired') }]}>
            <Checkbox.Group style={{ width: '100%' }}>
              <Row gutter={[8, 8]}>
                {ROLES.map((r) => <Col span={8} key={r}><Checkbox value={r}>{ROLE_LABELS[r][lang]}</Checkbox></Col>)}
              </Row>
            </Checkbox.Group>
          </Form.Item>
          {!editing && <PasswordField form={form} label={t('admUserInitialPassword')} rules={passwordRules(t)} />}
        </>
      )}
    </FormModal>
  );
}
