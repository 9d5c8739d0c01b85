/**
 * The closed set of error codes (STYLE.md 8). A code does not compile until it has a status and
 * both messages. Messages are for people; clients match on `code`.
 */
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
interface ErrorSpec { status: ErrorStatus; zh: string; en: string }

export const ERRORS = {
  // Platform
  VALIDATION_FAILED: { status: 400, zh: '请求数据不符合要求', en: 'The request is not valid' },
  BODY_TOO_LARGE: { status: 413, zh: '请求内容过大（上限 1 MiB）', en: 'The request body is too large (limit 1 MiB)' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  NOT_FOUND: { status: 404, zh: '未找到该资源', en: 'Not found' },
  VERSION_CONFLICT: { status: 409, zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and retry' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  DATABASE_UNAVAILABLE: { status: 503, zh: '数据库暂时不可用', en: 'The database is temporarily unavailable' },
  // Auth
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Authentication required' },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  LOGIN_RATE_LIMITED: { status: 429, zh: '登录失败次数过多，请 15 分钟后再试', en: 'Too many failed logins; try again in 15 minutes' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  // Units and users
  UNIT_NOT_FOUND: { status: 404, zh: '单位不存在', en: 'Unit not found' },
  UNIT_CODE_TAKEN: { status: 409, zh: '单位编码已被使用', en: 'The unit code is already in use' },
  UNIT_PARENT_INVALID: { status: 422, zh: '上级单位无效（不存在、已停用或会形成循环）', en: 'Invalid parent unit (missing, inactive or would create a cycle)' },
  UNIT_HAS_ACTIVE_CHILDREN: { status: 409, zh: '该单位下仍有启用的下级单位', en: 'The unit still has active sub-units' },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'User not found' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'The username is already in use' },
  PASSWORD_TOO_WEAK: { status: 422, zh: '密码至少 8 位，且须包含字母和数字', en: 'The password needs at least 8 characters with letters and digits' },
  TOKEN_NOT_FOUND: { status: 404, zh: 'API 令牌不存在', en: 'API token not found' },
  // Calendar
  CALENDAR_YEAR_MISSING: { status: 409, zh: '该年度的节假日安排尚未加载，无法计算工作日', en: "That year's holiday schedule is not loaded; working days cannot be counted" },
  CALENDAR_FILE_INVALID: { status: 422, zh: '节假日安排文件格式错误', en: 'The holiday schedule file is not valid' },
  CALENDAR_YEAR_NOT_IN_PACKAGE: { status: 422, zh: '内置节假日数据（chinese-days）尚无该年度安排，请导入文件或逐日录入', en: 'The bundled holiday data (chinese-days) has no schedule for that year; import a file or enter the days' },
  CALENDAR_DAY_INVALID: { status: 422, zh: '日期安排有误（日期、类型或名称）', en: 'Invalid day in the calendar (date, kind or name)' },
  CALENDAR_SCHEDULE_EMPTY: { status: 422, zh: '该年度安排中没有任何节假日，不能作为全年安排加载', en: 'The schedule lists no holiday, so it cannot stand for the whole year' },
  CALENDAR_OFFICE_HOURS_INVALID: { status: 422, zh: '办公时间设置无效', en: 'Invalid office hours' },
  CALENDAR_OVERRIDE_NOT_FOUND: { status: 404, zh: '该日期没有单独设置', en: 'There is no override for that date' },
  // Tickets
  TICKET_NOT_FOUND: { status: 404, zh: '工单不存在', en: 'Ticket not found' },
  TICKET_MOVE_NOT_ALLOWED: { status: 409, zh: '当前状态不允许此操作', en: 'This move is not allowed in the current state' },
  ASSIGNMENT_NOT_FOUND: { status: 404, zh: '交办记录不存在', en: 'Assignment not found' },
  RETURN_WINDOW_CLOSED: { status: 409, zh: '已超过退单时限', en: 'The return window has closed' },
  EXTENSION_NOT_ALLOWED: { status: 409, zh: '不能申请延期（已达上限、已逾期或已有待审申请）', en: 'No extension can be requested (cap reached, overdue, or one is pending)' },
  EXTENSION_NOT_FOUND: { status: 404, zh: '延期申请不存在', en: 'Extension request not found' },
  TRACKING_NOT_FOUND: { status: 404, zh: '查询码或手机号后四位不正确', en: 'No ticket matches that tracking code and phone digits' },
  ATTACHMENT_NOT_FOUND: { status: 404, zh: '附件不存在', en: 'Attachment not found' },
  ATTACHMENT_TOO_LARGE: { status: 413, zh: '附件过大（上限 10 MiB）', en: 'The attachment is too large (limit 10 MiB)' },
  ATTACHMENT_TYPE_REFUSED: { status: 415, zh: '不支持的附件类型', en: 'This type of attachment is not accepted' },
  PHOTO_TOO_LARGE: { status: 413, zh: '照片过大（上限 5 MiB）', en: 'The photo is too large (limit 5 MiB)' },
  PHOTO_LIMIT_REACHED: { status: 409, zh: '照片数量已达上限（每件诉求最多 9 张）', en: 'This request already has the most photos allowed (9)' },
  HOTSPOT_CASE_EXISTS: { status: 409, zh: '该热点已转为未诉先办工单', en: 'This hotspot already has a proactive case' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, zh: '该幂等键已用于内容不同的请求', en: 'The Idempotency-Key was already used for a different request' },
  // Ticket import
  TICKET_IMPORT_FILE_INVALID: { status: 422, zh: '工单导入文件有误', en: 'The ticket import file is not valid' },
  TICKET_IMPORT_ROW_INVALID: { status: 422, zh: '工单数据有误', en: 'Invalid ticket data' },
  TICKET_IMPORT_STATUS_UNSUPPORTED: { status: 422, zh: '该状态的历史工单不能导入', en: 'Historical tickets in this status cannot be imported' },
  TICKET_IMPORT_DUPLICATE: { status: 409, zh: '工单重复', en: 'Duplicate ticket' },
  // Clocks
  CLOCK_STATE_INVALID: { status: 409, zh: '时限状态不允许此操作', en: 'The clock is not in a state that allows this' },
  // Catalogue
  SERVICE_NOT_FOUND: { status: 404, zh: '事项不存在', en: 'Service not found' },
  SERVICE_CODE_TAKEN: { status: 409, zh: '事项编码已被使用', en: 'The service code is already in use' },
  SERVICE_VERSION_INVALID: { status: 422, zh: '事项版本的生效时间无效', en: 'Invalid effective date for the service version' },
  CATALOGUE_FILE_INVALID: { status: 422, zh: '事项清单文件有误', en: 'The catalogue file is not valid' },
  SERVICE_LIMITS_INVALID: { status: 422, zh: '事项时限设置无效', en: 'Invalid time limits for the service' },
  SERVICE_VERSION_UNCHANGED: { status: 422, zh: '新版本与最新版本内容相同', en: 'The new version is the same as the latest one' },
  CATALOGUE_ROW_INVALID: { status: 422, zh: '事项数据有误', en: 'Invalid service data' },
  CATALOGUE_FILE_TOO_LARGE: { status: 413, zh: '事项清单文件过大（上限 5 MiB）', en: 'The catalogue file is too large (limit 5 MiB)' },
  // Open311 (GeoReport v2: 400 for bad input, 403 for the api_key, 404 for what does not exist)
  OPEN311_API_KEY_INVALID: { status: 403, zh: 'api_key 缺失、无效或已吊销', en: 'The api_key is missing, unknown or revoked' },
  OPEN311_PARAMETER_MISSING: { status: 400, zh: '缺少必填参数', en: 'A required parameter is missing' },
  OPEN311_PARAMETER_INVALID: { status: 400, zh: '参数有误', en: 'A parameter is not valid' },
  OPEN311_SERVICE_CODE_UNKNOWN: { status: 400, zh: 'service_code 不存在或已停用', en: 'The service_code is unknown or no longer in use' },
  OPEN311_FORMAT_UNSUPPORTED: { status: 400, zh: '仅支持 .json 和 .xml 格式', en: 'Only the .json and .xml formats are supported' },
  OPEN311_REQUEST_NOT_FOUND: { status: 404, zh: '诉求不存在', en: 'No service request has that id' },
  OPEN311_KEY_NOT_FOUND: { status: 404, zh: 'Open311 接入密钥不存在', en: 'Open311 API key not found' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** A refusal the caller can act on: becomes a 4xx with both messages and a machine-readable code. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    /** A more specific Chinese message than the table's, e.g. naming the field or row. */
    readonly detailZh?: string,
    readonly detailEn?: string,
  ) {
    super(detailEn ?? ERRORS[code].en);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export interface ErrorBody { code: ErrorCode; message: string; message_en: string; details?: unknown }

export function errorBody(code: ErrorCode, details?: unknown, detailZh?: string, detailEn?: string): ErrorBody {
  const spec = ERRORS[code];
  const body: ErrorBody = {
    code,
    message: detailZh ? `${spec.zh}：${detailZh}` : spec.zh,
    message_en: detailEn ? `${spec.en}: ${detailEn}` : spec.en,
  };
  if (details !== undefined) body.details = details;
  return body;
}

export function assertNever(x: never): never {
  throw new Error(`Unexpected variant: ${JSON.stringify(x)}`);
}
