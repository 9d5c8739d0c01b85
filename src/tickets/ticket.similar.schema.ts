import { Type } from 'typebox';
import { Nullable } from '../platform/http/schemas.js';
import { TicketListItem } from './ticket.schema.js';

export const SimilarBody = Type.Object({
  title: Type.String({ maxLength: 100 }),
  description: Type.String({ maxLength: 5000 }),
  location: Type.String({ maxLength: 200 }),
  lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  lng: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
}, { additionalProperties: false });

export const SimilarQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) });

const Similarity = Type.Object({
  score: Type.Number({ description: '综合相似度 0–1（排序用）' }),
  text: Type.Number({ description: '诉求内容相似度 0–1' }),
  place: Type.Number({ description: '地点相同的把握 0–1' }),
  distanceM: Nullable(Type.Integer({ description: '两处坐标相距（米），双方都有坐标时' })),
  duplicate: Type.Boolean({ description: '同一地点的同一问题：宜合并 Same problem at the same place' }),
});

export const SimilarReply = Type.Object({ items: Type.Array(Type.Object({ ...TicketListItem.properties, similarity: Similarity })) });
