import { Type, type TSchema } from 'typebox';

/** Schemas every feature uses at its edge. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const Ok = Type.Object({ ok: Type.Boolean() });
export const ErrorReply = Type.Object({
  code: Type.String(),
  message: Type.String({ description: '中文说明' }),
  message_en: Type.String(),
  details: Type.Optional(Type.Unknown()),
}, { $id: 'ErrorReply' });

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
// Handlers may return Date objects: the serializer writes them as ISO 8601 with the zone (Z).
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** A page of a list read with a cursor: pass `nextCursor` back as `cursor` for the next page. */
export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
