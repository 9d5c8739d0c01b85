import { Type } from 'typebox';
import { DateTime, Nullable } from '../platform/http/schemas.js';

const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
const Int = Type.Integer();

export const ThresholdBody = Type.Object({
  autoAssignThreshold: Type.Number({ minimum: 0.5, maximum: 1, description: '置信度不低于此值时受理即自动派单（1 = 从不自动派单）' }),
}, { additionalProperties: false });

export const ThresholdReply = Type.Object({ autoAssignThreshold: Type.Number(), isDefault: Type.Boolean(), updatedAt: Nullable(DateTime) });

export const MetricsQuery = Type.Object({ from: Type.Optional(Type.String({ format: 'date-time', description: '只统计此时刻以后受理的工单' })) });

const ClassFigures = Type.Object({ label: Type.String(), precision: Type.Number(), recall: Type.Number(), f1: Type.Number(), support: Int });

const HeldOut = Type.Object({
  count: Int, accuracy: Type.Number(), macroF1: Type.Number(), top3Accuracy: Type.Number(), calibrationError: Type.Number(),
  perClass: Type.Array(ClassFigures), labels: Type.Array(Type.String()), confusion: Type.Array(Type.Array(Int)),
}, { description: '留出样本上的成绩（模型未用其训练）Figures on held-out tickets' });

const Counts = {
  suggested: Int, decided: Int, accepted: Int, autoAssigned: Int,
  autoCorrected: Type.Integer({ description: '自动派单后退单获准（被纠正）' }),
  acceptanceRate: Rate,
};

export const MetricsReply = Type.Object({
  model: Nullable(Type.Object({
    version: Int, createdAt: DateTime, trainedOn: Int,
    metrics: Type.Object({ heldOut: Nullable(HeldOut), classes: Int, seconds: Type.Number(), bytes: Int }),
  })),
  autoAssignThreshold: Type.Number(),
  acceptance: Type.Object(Counts, { description: '推荐被采纳情况：推荐事项与最终事项一致的比例' }),
  bySource: Type.Array(Type.Object({ source: Type.String({ description: 'keywords 或 model' }), modelVersion: Nullable(Int), ...Counts })),
});

export const ClassifyBody = Type.Object({ title: Type.String({ maxLength: 100 }), description: Type.String({ maxLength: 5000 }) }, { additionalProperties: false });

export const ClassifyReply = Type.Object({
  source: Type.String({ description: 'model（训练模型）或 keywords（事项关键词，冷启动）' }),
  modelVersion: Nullable(Int),
  autoAssign: Type.Boolean({ description: '受理时是否会自动派单' }),
  suggestions: Type.Array(Type.Object({
    serviceId: Int, name: Type.String(), confidence: Nullable(Type.Number()),
    reasons: Type.Array(Type.String({ description: '权重最大的文本特征（模型）或命中的关键词' })),
  })),
});
