/**
 * The service picker: a full-screen sheet on a phone, search first, services grouped as the catalogue
 * groups them. Choosing none is allowed: staff classify what the public cannot.
 */
import { useMemo, useRef, useState } from 'react';
import { explain, listServices, type PublicService } from './api';
import { useT } from './i18n';

export function ServicePicker({ value, onChange }: { value: PublicService | null; onChange(s: PublicService | null): void }) {
  const { t, lang } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [services, setServices] = useState<PublicService[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const open = () => {
    setQ('');
    dialog.current?.showModal();
    if (!services) listServices().then(setServices, (e: unknown) => setError(explain(e, t, lang)));
  };
  const choose = (s: PublicService | null) => { onChange(s); dialog.current?.close(); };

  const groups = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const hits = (services ?? []).filter((s) => !needle || [s.name, s.groupName, s.description, s.code].some((x) => x.toLowerCase().includes(needle)));
    const byGroup = new Map<string, PublicService[]>();
    for (const s of hits) byGroup.set(s.groupName, [...(byGroup.get(s.groupName) ?? []), s]);
    return [...byGroup.entries()];
  }, [services, q]);

  return (
    <>
      <button type="button" className="picker-trigger" id="service" onClick={open} aria-haspopup="dialog" aria-describedby="service-hint">
        <span className="visually-hidden">{t('service')}：</span>
        <span className={value ? 'picked' : 'placeholder'}>{value ? value.name : t('servicePick')}</span>
        {value && <span className="picked-group">{value.groupName}</span>}
        <span className="chevron" aria-hidden>›</span>
      </button>
      <dialog ref={dialog} className="sheet" aria-labelledby="sheet-title">
        <div className="sheet-head">
          <h2 id="sheet-title">{t('servicePick')}</h2>
          <button type="button" className="link-button" onClick={() => dialog.current?.close()}>{t('close')}</button>
        </div>
        <label htmlFor="service-search" className="visually-hidden">{t('serviceSearch')}</label>
        <input id="service-search" type="search" className="input" placeholder={t('serviceSearch')} value={q} onChange={(e) => setQ(e.target.value)} autoFocus enterKeyHint="search" />
        <div className="sheet-body" aria-live="polite">
          <button type="button" className="service-option none" onClick={() => choose(null)} aria-pressed={value === null}>{t('serviceNone')}</button>
          {error && <p className="error-text" role="alert">{error}</p>}
          {!services && !error && <p className="hint">{t('serviceLoading')}</p>}
          {services && groups.length === 0 && <p className="hint">{t('serviceNoMatch')}</p>}
          {groups.map(([group, list]) => (
            <section key={group} aria-label={group}>
              <h3 className="group-title">{group}</h3>
              {list.map((s) => (
                <button type="button" key={s.id} className="service-option" aria-pressed={value?.id === s.id} onClick={() => choose(s)}>
                  <span className="service-name">{s.name}</span>
                  {s.description && <span className="service-desc">{s.description}</span>}
                </button>
              ))}
            </section>
          ))}
        </div>
      </dialog>
    </>
  );
}
