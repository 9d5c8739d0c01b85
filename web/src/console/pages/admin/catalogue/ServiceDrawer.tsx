/** One service: the version in force, every version with the dates it applies, and the moves on it. */
import { HistoryOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../../../api/client';
import { Loading, LoadError } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import { useAsync } from '../../../useAsync';
import { LIMIT_KIND_LABELS, LIMIT_KINDS, limitText, shanghai, type ServiceVersion, type Unit } from '../common';
import { DeactivateModal } from './DeactivateModal';
import { VersionFormModal } from './VersionFormModal';

export function ServiceDrawer({ serviceId, units, onClose, onChanged }: { serviceId: number | null; units: readonly Unit[]; onClose(): void; onChanged(): void }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const detail = useAsync(async () => (serviceId === null ? null : call(api.GET('/api/v1/services/{id}', { params: { path: { id: serviceId } } }))), [serviceId]);
  const data = detail.data;
  const latest = data?.versions[data.versions.length - 1];
  const current = data?.current ?? null;
  const shown = current ?? latest;
  const changed = () => { detail.reload(); onChanged(); };
  const now = Date.now();

  return (
    <Drawer open={serviceId !== null} onClose={onClose} size={760} destroyOnHidden
      title={shown ? <Space><span>{shown.name}</span><Typography.Text code>{shown.code}</Typography.Text></Space> : t('admCatDetail')}
      extra={latest && <Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('admCatAddVersion')}</Button>
        {latest.active && <Button danger icon={<StopOutlined />} onClick={() => setWithdrawing(true)}>{t('admCatWithdraw')}</Button>}
      </Space>}>
      {detail.error ? <LoadError error={detail.error} onRetry={detail.reload} />
        : !data || !shown ? <Loading />
          : (
            <>
              {latest && latest.versionId !== current?.versionId && new Date(latest.effectiveFrom).getTime() > now && (
                <Alert type="info" showIcon style={{ marginBottom: 16 }}
                  title={t('admCatPlanned', { version: latest.version, at: shanghai(latest.effectiveFrom) })} />
              )}
              {current && !current.active && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('admCatWithdrawnSince', { at: shanghai(current.effectiveFrom) })} />}
              <Descriptions size="small" bordered column={2} title={t('admCatInForceNow', { version: shown.version })} items={[
                { key: 'group', label: t('admCatGroup'), children: shown.groupName },
                { key: 'unit', label: t('admCatUnit'), children: shown.unitName },
                { key: 'from', label: t('admCatEffectiveFrom'), children: shanghai(shown.effectiveFrom) },
                { key: 'kw', label: t('admCatKeywords'), children: shown.keywords.length ? <Space size={[0, 4]} wrap>{shown.keywords.map((k) => <Tag key={k}>{k}</Tag>)}</Space> : '—' },
                { key: 'desc', label: t('admCatDescription'), span: 2, children: shown.description || '—' },
              ]} />
              <LimitsTable version={shown} />
              <Typography.Title level={5} style={{ marginTop: 24 }}><HistoryOutlined /> {t('admCatHistory')}</Typography.Title>
              <Timeline items={[...data.versions].reverse().map((v) => ({
                key: v.versionId,
                color: v.versionId === current?.versionId ? 'green' : new Date(v.effectiveFrom).getTime() > now ? 'blue' : 'gray',
                content: (
                  <>
                    <Space wrap size={[8, 2]}>
                      <Tag color={v.versionId === current?.versionId ? 'green' : undefined}>v{v.version}</Tag>
                      <Typography.Text strong>{shanghai(v.effectiveFrom)} → {v.effectiveTo ? shanghai(v.effectiveTo) : t('admCatOpenEnded')}</Typography.Text>
                      {v.versionId === current?.versionId && <Tag color="success">{t('admCatCurrent')}</Tag>}
                      {new Date(v.effectiveFrom).getTime() > now && <Tag color="processing">{t('admCatScheduled')}</Tag>}
                      {!v.active && <Tag color="default">{t('admCatWithdrawn')}</Tag>}
                    </Space>
                    <VersionSummary v={v} previous={data.versions[data.versions.indexOf(v) - 1]} />
                  </>
                ),
              }))} />
              {data.versions.length === 0 && <Empty />}
            </>
          )}
      {latest && (
        <>
          <VersionFormModal open={adding} mode={{ kind: 'version', latest }} units={units} onClose={() => setAdding(false)} onSaved={changed} />
          <DeactivateModal open={withdrawing} latest={latest} onClose={() => setWithdrawing(false)} onDone={changed} />
        </>
      )}
    </Drawer>
  );
}

/** What a version changed against the one before it, so the history reads as a log. */
function VersionSummary({ v, previous }: { v: ServiceVersion; previous?: ServiceVersion }) {
  const { t, lang } = useI18n();
  const diffs: string[] = [];
  if (!previous) diffs.push(t('admCatFirstVersion'));
  else {
    if (previous.name !== v.name) diffs.push(`${t('admCatName')}：${previous.name} → ${v.name}`);
    if (previous.groupName !== v.groupName) diffs.push(`${t('admCatGroup')}：${previous.groupName} → ${v.groupName}`);
    if (previous.unitId !== v.unitId) diffs.push(`${t('admCatUnit')}：${previous.unitName} → ${v.unitName}`);
    for (const k of LIMIT_KINDS) {
      const a = limitText(previous.limits[k], lang);
      const b = limitText(v.limits[k], lang);
      if (a !== b) diffs.push(`${LIMIT_KIND_LABELS[k][lang]}：${a} → ${b}`);
    }
    if (previous.description !== v.description) diffs.push(t('admCatDescChanged'));
    if (previous.keywords.join() !== v.keywords.join()) diffs.push(t('admCatKeywordsChanged'));
    if (previous.active !== v.active) diffs.push(v.active ? t('admCatReactivated') : t('admCatWithdrawnNote'));
  }
  return (
    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
      {diffs.length ? diffs.map((d) => <span key={d} style={{ display: 'block' }}>{d}</span>) : t('admCatNoChange')}
    </Typography.Paragraph>
  );
}

function LimitsTable({ version }: { version: ServiceVersion }) {
  const { t, lang } = useI18n();
  const l = version.limits;
  return (
    <Table size="small" pagination={false} style={{ marginTop: 16 }} rowKey="kind"
      dataSource={LIMIT_KINDS.map((k) => ({ kind: k, text: limitText(l[k], lang) }))}
      columns={[
        { title: t('admCatClock'), dataIndex: 'kind', width: 160, render: (k: (typeof LIMIT_KINDS)[number]) => LIMIT_KIND_LABELS[k][lang] },
        { title: t('admCatLimit'), dataIndex: 'text', render: (s: string) => (s === '—' ? <Typography.Text type="secondary">{t('admCatNoClock')}</Typography.Text> : s) },
      ]}
      footer={() => (
        <Typography.Text type="secondary">
          {t('admCatExtensionRule', { n: l.maxExtensions ?? 1, days: l.maxExtensionWorkingDays ?? 10 })}
          {l.pauseNeedsApproval ? ` · ${t('admCatPauseApproval')}` : ''}
        </Typography.Text>
      )} />
  );
}
