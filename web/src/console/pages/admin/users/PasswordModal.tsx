/** Reset a user's password; the admin passes it on, the user changes it after signing in. */
import { App, Button, Form, Input, Space, Typography, type FormInstance, type FormRule as Rule } from 'antd';
import { api, call } from '../../../../api/client';
import { useI18n } from '../../../i18n';
import type { User } from '../common';
import { FormModal } from '../FormModal';

/** The server's rule (PASSWORD_TOO_WEAK), checked early so the admin is not refused after typing. */
export function passwordRules(t: ReturnType<typeof useI18n>['t']): Rule[] {
  return [
    { required: true, message: t('admRequired') },
    { pattern: /^(?=.*[A-Za-z])(?=.*\d).{8,}$/, message: t('admPasswordRule') },
  ];
}

/** 12 characters from an alphabet without look-alikes (0/O, 1/l/I), always with letters and digits. */
function randomPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const bytes = crypto.getRandomValues(new Uint32Array(12));
  const chars = Array.from(bytes, (b) => all[b % all.length]!);
  chars[0] = letters[bytes[0]! % letters.length]!;
  chars[11] = digits[bytes[11]! % digits.length]!;
  return chars.join('');
}

export function PasswordField<T>({ form, label, rules }: { form: FormInstance<T>; label: string; rules: Rule[] }) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} required extra={t('admPasswordRule')}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="password" noStyle rules={rules}>
          <Input autoComplete="new-password" aria-label={label} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Button onClick={() => form.setFieldValue('password' as never, randomPassword() as never)}>{t('admPasswordGenerate')}</Button>
      </Space.Compact>
    </Form.Item>
  );
}

export function PasswordModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const submit = async (v: { password: string }) => {
    await call(api.POST('/api/v1/users/{id}/password', { params: { path: { id: user!.id } }, body: { password: v.password } }));
    modal.success({
      title: t('admPasswordDone', { name: user!.displayName }),
      content: <Space orientation="vertical"><span>{t('admPasswordTell')}</span><Typography.Text code copyable style={{ fontSize: 18 }}>{v.password}</Typography.Text></Space>,
      okText: t('confirm'),
    });
  };
  return (
    <FormModal<{ password: string }> open={user !== null} title={t('admPasswordTitle', { name: user?.displayName ?? '' })} okText={t('admPasswordReset')}
      onClose={onClose} onSubmit={submit} width={480}>
      {(form) => <PasswordField form={form} label={t('admPasswordNew')} rules={passwordRules(t)} />}
    </FormModal>
  );
}
