/** The one way the web talks to the server: the public HTTP API, typed from its OpenAPI document. */
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/** A refusal from the server, with its machine-readable code and both messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageZh);
  }
}

interface ErrorShape { code?: string; message?: string; message_en?: string; details?: unknown }

/** Unwrap an openapi-fetch result: the data, or an ApiError carrying the server's words. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试', 'Network error; check the connection and retry');
  }
  if (result.error !== undefined || !result.response.ok) {
    const e = (result.error ?? {}) as ErrorShape;
    throw new ApiError(result.response.status, e.code ?? 'HTTP_' + result.response.status, e.message ?? result.response.statusText, e.message_en ?? result.response.statusText, e.details);
  }
  return result.data as T;
}
