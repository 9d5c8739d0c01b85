/**
 * 来电受理: the hotline operator registers a call while the caller is on the line. Keyboard first: the
 * first field has focus, Enter moves on, Ctrl+Enter submits, Alt+letter jumps to a field.
 */
import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { api, call } from '../../../api/client';
import { errorText } from '../../components/PageState';
import { showFieldErrors } from '../../components/TicketMoveModal';
import { CHANNEL_LABELS, options } from '../../components/TicketLabels';
import { TicketServicePicker } from '../../components/TicketPickers';
import { useServices } from '../../components/TicketRefData';
import type { IntakeBody } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import { DirectAnswerModal } from './DirectAnswerModal';
import { IntakeDone, type IntakeResult } from './IntakeDone';
import { IntakeSidebar } from './IntakeSidebar';
import { useSimilarTickets, useSuggestions } from './useIntakeHints';

export type IntakeValues = Omit<IntakeBody, 'serviceId' | 'dispatch'> & { serviceId?: number | null };

/** Field order for Enter, with each field's access key (Alt+key). */
const FIELDS: Array<[keyof IntakeValues, string]> = [
  ['requesterPhone', 'p'], ['requesterName', 'n'], ['title', 't'], ['description', 'd'], ['location', 'l'], ['channel', 'c'], ['serviceId', 's'],
];
const fieldId = (name: string) => `intake_${name}`;
const newKey = () => (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/[^\w.:-]/g, '');

export function IntakePage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<IntakeResult | null>(null);
  const [directOpen, setDirectOpen] = useState(false);
  const openSelect = useRef<string | null>(null);
  // One key per call: a retried submission never registers the call twice.
  const idempotency = useRef(newKey());
  const services = useServices();

  const title = Form.useWatch('title', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const location = Form.useWatch('location', form) ?? '';
  const serviceId = Form.useWatch('serviceId', form) ?? null;
  const suggest = useSuggestions(title, description);
  const similar = useSimilarTickets(title, description, location);
  const duplicateCount = similar.items.filter((s) => s.similarity.duplicate).length;

  const focusField = (name: string) => document.getElementById(fieldId(name))?.focus();

  // Alt+letter jumps to a field (the selects have no native accesskey), Alt+Z answers directly.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const key = e.key.toLowerCase();
      const field = FIELDS.find(([, k]) => k === key);
      if (field) { e.preventDefault(); focusField(field[0]); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const register = useCallback(async (values: IntakeValues, direct: string | null): Promise<IntakeResult | null> => {
    setBusy(true);
    setError(null);
    try {
      const body: IntakeBody = {
        ...values, title: values.title.trim(), description: values.description.trim(), requesterName: values.requesterName.trim(),
        location: values.location.trim(), requesterPhone: values.requesterPhone.trim(), serviceId: values.serviceId ?? null,
        ...(direct !== null ? { dispatch: false } : {}),
      };
      const created = await call(api.POST('/api/v1/tickets', { body, headers: { 'Idempotency-Key': idempotency.current } }));
      let closeError: string | null = null;
      if (direct !== null) {
        try {
          await call(api.POST('/api/v1/tickets/{id}/close', { params: { path: { id: created.id } }, body: { note: direct } }));
        } catch (e) {
          closeError = errorText(e, lang);
        }
      }
      idempotency.current = newKey();
      const result: IntakeResult = { ...created, direct: direct !== null && closeError === null, closeError, values };
      setDone(result);
      return result;
    } catch (e) {
      showFieldErrors(form, e, (m) => t('tkFieldRejected', { message: m }));
      setError(errorText(e, lang));
      return null;
    } finally {
      setBusy(false);
    }
  }, [form, lang, t]);

  const submit = async (direct: string | null = null) => {
    try {
      await form.validateFields();
    } catch {
      message.warning(t('tkIntakeFixFields'));
      return;
    }
    await register(form.getFieldsValue(true) as IntakeValues, direct);
  };

  const onKeyDownCapture = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      void submit();
      return;
    }
    const target = e.target as HTMLElement;
    const index = FIELDS.findIndex(([name]) => target.id === fieldId(name));
    if (index < 0 || e.shiftKey || e.altKey) return;
    const [name] = FIELDS[index]!;
    if (openSelect.current === name) return; // Enter picks the highlighted option
    e.preventDefault();
    e.stopPropagation();
    const next = FIELDS[index + 1];
    if (next) focusField(next[0]); else void submit();
  };

  const startNext = () => {
    form.resetFields();
    setDone(null);
    setError(null);
    setTimeout(() => focusField('requesterPhone'), 0);
  };

  if (done) return <IntakeDone result={done} onNext={startNext} />;

  const hint = (key: string) => <Typography.Text type="secondary" className="tk-accesskey">Alt+{key.toUpperCase()}</Typography.Text>;
  const label = (text: string, key: string) => <Space size={6}>{text}{hint(key)}</Space>;
  const selectOpen = (name: string) => (open: boolean) => { openSelect.current = open ? name : openSelect.current === name ? null : openSelect.current; };
  const chosen = services?.find((s) => s.id === serviceId);
  const top = suggest.suggestions[0];
  const topService = top ? services?.find((s) => s.id === top.serviceId) : undefined;
  const routeHint = chosen
    ? t('tkIntakeRouteChosen', { unit: chosen.unitName })
    : suggest.confident && topService ? t('tkIntakeRouteAuto', { service: topService.name, unit: topService.unitName }) : t('tkIntakeRouteQueue');

  return (
    <div className="tk-page">
      <div className="tk-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('menuIntake')}</Typography.Title>
          <Typography.Text type="secondary">{t('tkIntakeSubtitle')}</Typography.Text>
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('tkIntakeCallCard')} extra={<Typography.Text type="secondary">{t('tkIntakeKeysShort')}</Typography.Text>}>
            {error && <Alert type="error" showIcon title={t('tkIntakeFailed')} description={error} style={{ marginBottom: 16 }} closable={{ onClose: () => setError(null) }} />}
            <Form form={form} name="intake" layout="vertical" requiredMark onKeyDownCapture={onKeyDownCapture} initialValues={{ channel: 'hotline' }}
              onFinish={() => void submit()} validateTrigger={['onChange', 'onBlur']} autoComplete="off">
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="requesterPhone" label={label(t('tkIntakePhone'), 'p')} rules={[
                    { required: true, message: t('tkIntakePhoneRequired') },
                    { pattern: /^[0-9+\- ]{5,20}$/, message: t('tkIntakePhoneInvalid') },
                  ]}>
                    <Input autoFocus accessKey="p" aria-keyshortcuts="Alt+P" inputMode="tel" maxLength={20} placeholder={t('tkIntakePhonePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="requesterName" label={label(t('tkIntakeName'), 'n')} rules={[{ required: true, whitespace: true, message: t('tkIntakeNameRequired') }, { max: 50 }]}>
                    <Input accessKey="n" aria-keyshortcuts="Alt+N" maxLength={50} placeholder={t('tkIntakeNamePlaceholder')} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="title" label={label(t('tkIntakeTitle'), 't')} rules={[{ required: true, whitespace: true, message: t('tkIntakeTitleRequired') }, { max: 100 }]}>
                <Input accessKey="t" aria-keyshortcuts="Alt+T" maxLength={100} showCount placeholder={t('tkIntakeTitlePlaceholder')} />
              </Form.Item>
              <Form.Item name="description" label={label(t('tkIntakeDescription'), 'd')} extra={t('tkIntakeDescriptionExtra')}
                rules={[{ required: true, whitespace: true, message: t('tkIntakeDescriptionRequired') }, { max: 5000 }]}>
                <Input.TextArea accessKey="d" aria-keyshortcuts="Alt+D" autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount placeholder={t('tkIntakeDescriptionPlaceholder')} />
              </Form.Item>
              <Form.Item name="location" label={label(t('tkIntakeLocation'), 'l')} rules={[{ required: true, whitespace: true, message: t('tkIntakeLocationRequired') }, { max: 200 }]}
                extra={duplicateCount > 0 ? <Typography.Text type="warning">{t('tkIntakeDuplicateInline', { n: duplicateCount })}</Typography.Text> : undefined}>
                <Input accessKey="l" aria-keyshortcuts="Alt+L" maxLength={200} placeholder={t('tkIntakeLocationPlaceholder')} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="channel" label={label(t('tkIntakeChannel'), 'c')} rules={[{ required: true }]}>
                    <Select aria-keyshortcuts="Alt+C" options={options(CHANNEL_LABELS, lang)} onOpenChange={selectOpen('channel')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item name="serviceId" label={label(t('tkIntakeService'), 's')} extra={routeHint}>
                    <TicketServicePicker onOpenChange={selectOpen('serviceId')} placeholder={t('tkIntakeServicePlaceholder')} />
                  </Form.Item>
                </Col>
              </Row>
              {suggest.suggestions.length > 0 && (
                <div className="tk-suggest-row" data-testid="intake-suggestions">
                  <Typography.Text type="secondary">{t('tkIntakeSuggested')}</Typography.Text>
                  {suggest.suggestions.map((s) => (
                    <Button key={s.serviceId} size="small" type={serviceId === s.serviceId ? 'primary' : 'dashed'}
                      onClick={() => form.setFieldValue('serviceId', s.serviceId)}>
                      {s.name}{services ? ` · ${services.find((x) => x.id === s.serviceId)?.unitName ?? ''}` : ''}
                    </Button>
                  ))}
                </div>
              )}
              <div className="tk-form-actions">
                <Space wrap>
                  <Button type="primary" size="large" icon={<SendOutlined />} loading={busy} onClick={() => void submit()}>
                    {t('tkIntakeSubmit')} <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>Ctrl+Enter</Typography.Text>
                  </Button>
                  <Button size="large" icon={<CheckCircleOutlined />} accessKey="z" aria-keyshortcuts="Alt+Z" disabled={busy}
                    onClick={() => void form.validateFields().then(() => setDirectOpen(true), () => message.warning(t('tkIntakeFixFields')))}>
                    {t('tkIntakeDirect')}
                  </Button>
                  <Button size="large" type="text" onClick={startNext} disabled={busy}>{t('tkIntakeClear')}</Button>
                </Space>
              </div>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <IntakeSidebar suggest={suggest} similar={similar} chosenServiceId={serviceId}
            onPick={(id) => { form.setFieldValue('serviceId', id); }} />
        </Col>
      </Row>
      <DirectAnswerModal open={directOpen} onClose={() => setDirectOpen(false)}
        onSubmit={async (note) => { const r = await register(form.getFieldsValue(true) as IntakeValues, note); if (r) setDirectOpen(false); }} busy={busy} />
    </div>
  );
}
