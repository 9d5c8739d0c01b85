/** 我要反映: what, where, photos, who — checked here first so the server rarely has to refuse. */
import { useRef, useState, type FormEvent } from 'react';
import { explain, newIdempotencyKey, submit, uploadPhoto, type PublicService } from '../api';
import { describedBy, Field } from '../Field';
import { useT } from '../i18n';
import { PhotoPicker, type Photo } from '../PhotoPicker';
import { go } from '../router';
import { ServicePicker } from '../ServicePicker';

interface Form { title: string; description: string; location: string; name: string; phone: string }
type Errors = Partial<Record<keyof Form, string>>;
const EMPTY: Form = { title: '', description: '', location: '', name: '', phone: '' };

export interface DoneState { phone4: string; photosFailed: number }

export function SubmitPage() {
  const { t, lang } = useT();
  const [form, setForm] = useState<Form>(EMPTY);
  const [service, setService] = useState<PublicService | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [coords, setCoords] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const summary = useRef<HTMLDivElement>(null);

  const set = (k: keyof Form) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [k]: e.target.value }));
    if (errors[k]) setErrors((x) => ({ ...x, [k]: undefined }));
  };

  const check = (f: Form): Errors => {
    const e: Errors = {};
    if (!f.title.trim()) e.title = t('required', { field: t('title') });
    if (f.description.trim().length < 5) e.description = f.description.trim() ? t('tooShort', { field: t('description'), n: 5 }) : t('required', { field: t('description') });
    if (!f.location.trim()) e.location = t('required', { field: t('location') });
    if (!f.name.trim()) e.name = t('required', { field: t('name') });
    if (!/^1[3-9]\d{9}$/.test(f.phone.replace(/\s/g, ''))) e.phone = f.phone.trim() ? t('phoneInvalid') : t('required', { field: t('phone') });
    return e;
  };

  const locate = () => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => { setCoords({ lat: p.coords.latitude, lng: p.coords.longitude }); setLocating('idle'); },
      () => setLocating('failed'), { timeout: 10_000, maximumAge: 60_000 },
    );
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const found = check(form);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      // The summary takes focus so a screen reader hears what is missing; each entry links to its field.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const phone = form.phone.replace(/\s/g, '');
    setBusy(t('submitting'));
    try {
      const { trackingCode } = await submit({
        title: form.title.trim(), description: form.description.trim(), location: form.location.trim(),
        requesterName: form.name.trim(), requesterPhone: phone, serviceId: service?.id ?? null, lat: coords?.lat ?? null, lng: coords?.lng ?? null,
      }, key.current);
      let failed = 0;
      for (const [i, p] of photos.entries()) {
        setBusy(t('uploading', { done: i + 1, total: photos.length }));
        await uploadPhoto(trackingCode, phone.slice(-4), p.blob).catch(() => { failed++; });
      }
      photos.forEach((p) => URL.revokeObjectURL(p.url));
      const state: DoneState = { phone4: phone.slice(-4), photosFailed: failed };
      go({ name: 'done', code: trackingCode }, { replace: true, state });
    } catch (err) {
      setProblem(explain(err, t, lang));
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(null);
    }
  };

  const errorList = Object.entries(errors).filter(([, v]) => v) as Array<[keyof Form, string]>;
  return (
    <form className="page" onSubmit={send} noValidate>
      <h1 className="page-title">{t('submitTitle')}</h1>
      <div ref={summary} tabIndex={-1} aria-live="assertive" className="summary-anchor">
        {problem && <div className="alert alert-error" role="alert">{problem}</div>}
        {errorList.length > 0 && (
          <div className="alert alert-error" role="alert">
            <p>{t('fixErrors', { n: errorList.length })}</p>
            <ul>{errorList.map(([k, msg]) => <li key={k}><a href={`#${k}`} onClick={(e) => { e.preventDefault(); document.getElementById(k)?.focus(); }}>{msg}</a></li>)}</ul>
          </div>
        )}
      </div>

      <fieldset className="card">
        <legend>{t('stepService')}</legend>
        <div className="field">
          <span className="label" id="service-label">{t('service')}</span>
          <ServicePicker value={service} onChange={setService} />
          <p className="hint" id="service-hint">{t('serviceOptional')}</p>
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('stepProblem')}</legend>
        <Field id="title" label={t('title')} hint={t('titleHint')} error={errors.title}>
          <input id="title" className="input" value={form.title} onChange={set('title')} maxLength={100} autoComplete="off" {...describedBy('title', errors.title, t('titleHint'))} />
        </Field>
        <Field id="description" label={t('description')} hint={t('descriptionHint')} error={errors.description}>
          <textarea id="description" className="input" rows={5} value={form.description} onChange={set('description')} maxLength={5000} {...describedBy('description', errors.description, t('descriptionHint'))} />
          <span className="counter" aria-hidden>{form.description.length}/5000</span>
        </Field>
        <Field id="location" label={t('location')} hint={t('locationHint')} error={errors.location}>
          <input id="location" className="input" value={form.location} onChange={set('location')} maxLength={200} autoComplete="street-address" {...describedBy('location', errors.location, t('locationHint'))} />
        </Field>
        {'geolocation' in navigator && (
          <p className="locate" aria-live="polite">
            {coords ? <span className="ok">✓ {t('located')}</span>
              : <button type="button" className="link-button" onClick={locate} disabled={locating === 'busy'}>{t('locate')}</button>}
            {locating === 'failed' && <span className="error-text"> {t('locateFailed')}</span>}
          </p>
        )}
        <PhotoPicker photos={photos} onChange={setPhotos} />
      </fieldset>

      <fieldset className="card">
        <legend>{t('stepContact')}</legend>
        <Field id="name" label={t('name')} hint={t('nameHint')} error={errors.name}>
          <input id="name" className="input" value={form.name} onChange={set('name')} maxLength={50} autoComplete="name" {...describedBy('name', errors.name, t('nameHint'))} />
        </Field>
        <Field id="phone" label={t('phone')} hint={t('phoneHint')} error={errors.phone}>
          <input id="phone" className="input" type="tel" inputMode="numeric" value={form.phone} onChange={set('phone')} maxLength={13} autoComplete="tel" {...describedBy('phone', errors.phone, t('phoneHint'))} />
        </Field>
        <p className="privacy">{t('privacy')}</p>
      </fieldset>

      <div className="actions">
        <button type="submit" className="button primary block" disabled={busy !== null} aria-busy={busy !== null}>{busy ?? t('submit')}</button>
      </div>
    </form>
  );
}
