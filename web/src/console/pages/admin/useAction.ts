import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../../../api/client';
import { errorText } from '../../components/PageState';
import { useI18n } from '../../i18n';

/**
 * Run a one-click change (deactivate, revoke…): success is a brief message, a refusal a dialog with the
 * server's words, since it usually asks the admin to do something first. After either, `after` reloads,
 * so a version conflict leaves the page showing the record as it now is.
 */
export function useAction(after?: () => void) {
  const { message, modal } = App.useApp();
  const { t, lang } = useI18n();
  return useCallback(async (fn: () => Promise<unknown>, done?: string): Promise<boolean> => {
    try {
      await fn();
      if (done) void message.success(done);
      return true;
    } catch (e) {
      modal.error({
        title: e instanceof ApiError && e.code === 'VERSION_CONFLICT' ? t('admConflict') : t('admRefused'),
        content: errorText(e, lang),
        okText: t('confirm'),
      });
      return false;
    } finally {
      after?.();
    }
  }, [message, modal, t, lang, after]);
}
