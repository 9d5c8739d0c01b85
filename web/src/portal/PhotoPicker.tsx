/** Photos chosen (or taken) on the phone, shrunk before upload, previewed with a way to remove each. */
import { useRef, useState } from 'react';
import { useT } from './i18n';
import { MAX_PHOTOS, preparePhoto } from './photos';

export interface Photo { blob: Blob; url: string }

export function PhotoPicker({ photos, onChange }: { photos: Photo[]; onChange(p: Photo[]): void }) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const add = async (files: FileList | null) => {
    setProblem(null);
    const room = MAX_PHOTOS - photos.length;
    const added: Photo[] = [];
    for (const file of Array.from(files ?? []).slice(0, room)) {
      if (!file.type.startsWith('image/')) { setProblem(t('photoType')); continue; }
      try {
        const blob = await preparePhoto(file);
        added.push({ blob, url: URL.createObjectURL(blob) });
      } catch {
        setProblem(t('photoTooBig', { name: file.name }));
      }
    }
    onChange([...photos, ...added]);
    if (input.current) input.current.value = '';
  };
  const remove = (i: number) => {
    URL.revokeObjectURL(photos[i]!.url);
    onChange(photos.filter((_, j) => j !== i));
  };
  return (
    <div className="field">
      <label htmlFor="photos">{t('photos')}<span className="optional">{t('photosHint', { n: MAX_PHOTOS })}</span></label>
      <ul className="thumbs">
        {photos.map((p, i) => (
          <li key={p.url}>
            <img src={p.url} alt={t('photoAlt', { n: i + 1 })} />
            <button type="button" className="thumb-remove" onClick={() => remove(i)} aria-label={t('photoRemove', { n: i + 1 })}>×</button>
          </li>
        ))}
        {photos.length < MAX_PHOTOS && (
          <li>
            <label className="thumb-add">
              <span aria-hidden className="plus">+</span>
              <span>{t('photosAdd')}</span>
              <input ref={input} id="photos" type="file" accept="image/jpeg,image/png,image/webp,image/*" multiple className="visually-hidden"
                onChange={(e) => void add(e.target.files)} />
            </label>
          </li>
        )}
      </ul>
      <p aria-live="polite" className="error-text">{problem}</p>
    </div>
  );
}
