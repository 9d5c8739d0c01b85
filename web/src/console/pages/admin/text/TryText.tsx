/** Type a request and see what intake would do with it: the services suggested, how sure, and why. */
import { Button, Empty, Input, List, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../../../api/client';
import { errorText } from '../../../components/PageState';
import { useI18n } from '../../../i18n';

type Result = Awaited<ReturnType<typeof classify>>;
const classify = (title: string, description: string) => call(api.POST('/api/v1/text/classify', { body: { title, description } }));

export function TryText() {
  const { t, lang } = useI18n();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await classify(title.trim().slice(0, 100), description.trim().slice(0, 5000)));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input aria-label={t('tkIntakeTitle')} placeholder={t('tkIntakeTitlePlaceholder')} maxLength={100} value={title} onChange={(e) => setTitle(e.target.value)} />
      <Input.TextArea aria-label={t('tkIntakeDescription')} placeholder={t('tkIntakeDescriptionPlaceholder')} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000}
        value={description} onChange={(e) => setDescription(e.target.value)} />
      <Button onClick={() => void run()} loading={busy} disabled={(title + description).trim().length < 2}>{t('admTextTryRun')}</Button>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {result && (result.suggestions.length === 0 ? <Empty description={t('tkIntakeSuggestEmpty')} /> : (
        <List size="small" data-testid="text-try-result" dataSource={result.suggestions} renderItem={(s, i) => (
          <List.Item>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{s.name}</Typography.Text>
                {i === 0 && result.autoAssign && <Tag color="green">{t('admTextWouldAssign')}</Tag>}
                <Tag>{result.source === 'model' ? t('admTextSourceModel', { v: result.modelVersion ?? '' }) : t('admTextSourceKeywords')}</Tag>
              </Space>
              {s.confidence !== null && <Progress percent={Math.round(s.confidence * 100)} size="small" style={{ maxWidth: 320 }} />}
              {s.reasons.length > 0 && <Space size={4} wrap><Typography.Text type="secondary">{t('admTextReasons')}</Typography.Text>{s.reasons.map((r) => <Tag key={r}>{r}</Tag>)}</Space>}
            </Space>
          </List.Item>
        )} />
      ))}
    </Space>
  );
}
