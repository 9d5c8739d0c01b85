/** GeoReport v2 on the catalogue and the tickets: reads for anyone, intake for holders of an api_key. */
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { findServiceAt, listCatalogue } from '../catalogue/service.repository.js';
import { intake } from '../tickets/ticket.intake.service.js';
import { byLabel } from '../tickets/ticket.persist.js';
import type { Open311Receipt, Open311Request, Open311Service } from './open311.js';
import { toOpen311Request, toOpen311Service, toReceipt } from './open311.rules.js';
import { apiKeyOf, locationText, readPostRequest, readRequestQuery, titleFor, wantsExtensions } from './open311.params.rules.js';
import { findRequest, searchRequests } from './open311.repository.js';
import { keyFor } from './open311.keys.service.js';

type Params = Record<string, unknown>;

export async function listServices(ctx: AppContext): Promise<Open311Service[]> {
  return (await listCatalogue(ctx.db, { at: ctx.clock.now() })).map(toOpen311Service);
}

/** No service defines extra attributes, so every definition is empty; unknown or retired codes are 404. */
export async function serviceDefinition(ctx: AppContext, code: string): Promise<{ service_code: string; attributes: [] }> {
  const service = await findServiceAt(ctx.db, code, ctx.clock.now());
  if (!service?.active) throw new DomainError('SERVICE_NOT_FOUND');
  return { service_code: service.code, attributes: [] };
}

export async function listRequests(ctx: AppContext, params: Params): Promise<Open311Request[]> {
  const query = readRequestQuery(params, ctx.clock.now());
  return (await searchRequests(ctx.db, query)).map((r) => toOpen311Request(r, query.extensions));
}

export async function getRequest(ctx: AppContext, id: string, params: Params): Promise<Open311Request> {
  const found = await findRequest(ctx.db, id.trim().toUpperCase());
  if (!found) throw new DomainError('OPEN311_REQUEST_NOT_FOUND');
  return toOpen311Request(found, wantsExtensions(params));
}

/** We create requests at once, so a token is simply the request's id. */
export async function resolveToken(ctx: AppContext, token: string): Promise<{ service_request_id: string; token: string }> {
  const found = await findRequest(ctx.db, token.trim().toUpperCase());
  if (!found) throw new DomainError('OPEN311_REQUEST_NOT_FOUND');
  return { service_request_id: found.trackingCode, token: found.trackingCode };
}

/**
 * POST requests: the key first (403), then the fields (400), then intake on the 'open311' channel,
 * recorded against the key's name. The service's unit gets the ticket at once, as from any channel.
 */
export async function submitRequest(ctx: AppContext, params: Params, idempotencyKey?: string): Promise<Open311Receipt> {
  const key = await keyFor(ctx, apiKeyOf(params));
  if (!key) throw new DomainError('OPEN311_API_KEY_INVALID');
  const input = readPostRequest(params);
  const service = await findServiceAt(ctx.db, input.serviceCode, ctx.clock.now());
  if (!service?.active) throw new DomainError('OPEN311_SERVICE_CODE_UNKNOWN');
  try {
    const { ticket } = await intake(ctx, byLabel(`open311:${key.name}`), {
      channel: 'open311', serviceId: service.id, title: titleFor(input.description, service.name), description: input.description,
      requesterName: input.requesterName, requesterPhone: input.requesterPhone, location: locationText(input), lat: input.lat, lng: input.lng,
    }, idempotencyKey);
    const record = await findRequest(ctx.db, ticket.trackingCode);
    return toReceipt(record!);
  } catch (err) {
    // Retired between our check and intake's: the same answer as if we had seen it first.
    if (err instanceof DomainError && err.code === 'SERVICE_NOT_FOUND') throw new DomainError('OPEN311_SERVICE_CODE_UNKNOWN');
    throw err;
  }
}
