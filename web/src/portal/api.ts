/** The public API, and what its refusals mean to someone on a phone. */
import { api, call, ApiError } from '../api/client';
import type { paths } from '../api/schema';
import type { Lang, T } from './i18n';

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
export type PublicService = Json<paths['/api/v1/public/services']['get']['responses'][200]>[number];
export type PublicTicket = Json<paths['/api/v1/public/tickets/{trackingCode}']['get']['responses'][200]>;
export type Intake = NonNullable<paths['/api/v1/public/tickets']['post']['requestBody']>['content']['application/json'];
export type Rating = NonNullable<paths['/api/v1/public/tickets/{trackingCode}/rating']['post']['requestBody']>['content']['application/json'];

export const listServices = () => call(api.GET('/api/v1/public/services'));

export const submit = (body: Intake, idempotencyKey: string) =>
  call(api.POST('/api/v1/public/tickets', { body, headers: { 'Idempotency-Key': idempotencyKey } }));

export const lookUp = (code: string, phone4: string) =>
  call(api.GET('/api/v1/public/tickets/{trackingCode}', { params: { path: { trackingCode: code }, query: { phone4 } } }));

export const rate = (code: string, body: Rating) =>
  call(api.POST('/api/v1/public/tickets/{trackingCode}/rating', { params: { path: { trackingCode: code } }, body }));

export const uploadPhoto = (code: string, phone4: string, photo: Blob) =>
  call(api.POST('/api/v1/public/tickets/{trackingCode}/photos', {
    params: { path: { trackingCode: code }, query: { phone4 } },
    // The image goes out as bytes, not JSON.
    body: photo as unknown as string, bodySerializer: (b) => b, headers: { 'content-type': photo.type },
  }));

export const photoUrl = (code: string, phone4: string, id: number) =>
  `/api/v1/public/tickets/${encodeURIComponent(code)}/photos/${id}?phone4=${phone4}`;

/** A sentence for the person, not a code: rate limits and wrong codes are the usual ones. */
export function explain(error: unknown, t: T, lang: Lang): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return t('errorRate');
    if (error.status === 0) return t('errorNetwork');
    if (error.code === 'TRACKING_NOT_FOUND') return t('errorNotFound');
    return t('errorGeneric', { message: lang === 'en' ? error.messageEn : error.messageZh });
  }
  return t('errorGeneric', { message: String(error) });
}

/** A key per form: a double tap or a retry after a lost answer files one request, not two. */
export function newIdempotencyKey(): string {
  return `portal-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
