/** Beside the form: the suggested services, open tickets about the same problem (at the same place), and the keys. */
import { BulbOutlined, ExclamationCircleOutlined, KeyOutlined } from '@ant-design/icons';
import { Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { SimilarTicketList } from '../../components/SimilarTickets';
import { useServices } from '../../components/TicketRefData';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import type { SimilarState, SuggestState } from './useIntakeHints';

const KEYS: Array<[string, MessageKey]> = [
  ['Enter', 'tkIntakeKeyNext'], ['Shift+Enter', 'tkIntakeKeyNewline'], ['Ctrl+Enter', 'tkIntakeKeySubmit'], ['Alt+字母', 'tkIntakeKeyJump'], ['Alt+Z', 'tkIntakeKeyDirect'],
];

export function IntakeSidebar({ suggest, similar, chosenServiceId, onPick }: {
  suggest: SuggestState; similar: SimilarState; chosenServiceId: number | null; onPick(id: number): void;
}) {
  const { t } = useI18n();
  const services = useServices();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', display: 'flex' }}>
      <Card size="small" title={<Space><BulbOutlined />{t('tkIntakeSuggestCard')}</Space>} extra={suggest.loading ? <Spin size="small" /> : null}>
        {suggest.suggestions.length === 0
          ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tkIntakeSuggestEmpty')} />
          : (
            <List size="small" dataSource={suggest.suggestions} renderItem={(s, i) => {
              const svc = services?.find((x) => x.id === s.serviceId);
              return (
                <List.Item className="tk-clickable" onClick={() => onPick(s.serviceId)}
                  extra={chosenServiceId === s.serviceId ? <Tag color="red">{t('tkIntakeChosen')}</Tag> : <Typography.Link>{t('tkIntakeUse')}</Typography.Link>}>
                  <List.Item.Meta
                    title={<Space size={4}>{i === 0 && suggest.confident ? <Tag color="green">{t('tkIntakeConfident')}</Tag> : null}{s.name}</Space>}
                    description={(
                      <>
                        <div>{svc ? `${svc.groupName} · ${svc.unitName}` : ''}</div>
                        <div>{t('tkIntakeMatched')}{s.matched.map((m) => <Tag key={m} style={{ marginInlineEnd: 4 }}>{m}</Tag>)}</div>
                      </>
                    )} />
                </List.Item>
              );
            }} />
          )}
      </Card>
      <Card size="small" title={<Space><ExclamationCircleOutlined />{t('tkIntakeDuplicatesCard')}</Space>}
        className={similar.items.some((i) => i.similarity.duplicate) ? 'tk-card-warning' : undefined} data-testid="intake-duplicates">
        {similar.items.length === 0
          ? <Typography.Text type="secondary">{similar.asked ? t('tkIntakeNoDuplicates') : t('tkIntakeDuplicatesHint')}</Typography.Text>
          : (
            <>
              <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>{t('tkIntakeDuplicatesFound')}</Typography.Paragraph>
              <SimilarTicketList items={similar.items} />
            </>
          )}
      </Card>
      <Card size="small" title={<Space><KeyOutlined />{t('tkIntakeKeysCard')}</Space>}>
        <table className="tk-keys">
          <tbody>
            {KEYS.map(([k, m]) => <tr key={k}><td><kbd>{k}</kbd></td><td>{t(m)}</td></tr>)}
          </tbody>
        </table>
      </Card>
    </Space>
  );
}
