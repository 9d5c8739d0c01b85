import { Type } from 'typebox';
import { REPLY_FLAG_CODES } from '../text/reply.rules.js';

export const ReplyCheckBody = Type.Object({
  reply: Type.String({ minLength: 1, maxLength: 5000, description: '拟答复的内容（草稿）' }),
}, { additionalProperties: false });

const FlagCode = Type.Unsafe<(typeof REPLY_FLAG_CODES)[number]>({
  type: 'string', enum: [...REPLY_FLAG_CODES],
  description: 'too_short 过短 · boilerplate 套话/雷同模板 · low_relevance 答非所问 · no_action 未说明办理措施 · no_time 未说明时间或期限',
});

export const ReplyCheckReply = Type.Object({
  flags: Type.Array(Type.Object({
    code: FlagCode,
    message: Type.String({ description: '中文提示' }),
    messageEn: Type.String(),
    evidence: Type.Optional(Type.Array(Type.String(), { description: '依据：未提及的诉求要点、套话原文或雷同答复的工单号' })),
  })),
  relevance: Type.Number({ minimum: 0, maximum: 1, description: '答复提及诉求要点的加权比例' }),
  inquiry: Type.Boolean({ description: '诉求为咨询：不要求办理措施和时限' }),
});
