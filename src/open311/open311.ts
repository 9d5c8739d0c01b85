/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the catalogue's services and the tickets,
 * in the spec's own field names. Our richer states travel only in `extended_attributes` (README.md).
 */
import type { TicketLimits, TicketStatus } from '../tickets/ticket.js';

export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export type Open311Status = 'open' | 'closed';

/** A ticket whose loop has ended is `closed` for Open311, whatever the way it ended. */
export const OPEN311_STATUS: Record<TicketStatus, Open311Status> = {
  new: 'open', assigned: 'open', in_progress: 'open', arbitration: 'open', replied: 'open',
  closed: 'closed', merged: 'closed', rejected: 'closed',
};

export const STATUS_NAMES: Record<TicketStatus, { zh: string; en: string }> = {
  new: { zh: '已受理，待派单', en: 'accepted, waiting for dispatch' },
  assigned: { zh: '已交办，待签收', en: 'given to a unit, not yet acknowledged' },
  in_progress: { zh: '办理中', en: 'being handled by the lead unit' },
  arbitration: { zh: '承办单位退回，待重新派单', en: 'returned by the unit, the dispatcher decides' },
  replied: { zh: '已答复，待评价', en: 'answered, waiting for the requester\'s rating' },
  closed: { zh: '已办结', en: 'the loop is finished' },
  merged: { zh: '已并入其他诉求办理', en: 'merged into another request' },
  rejected: { zh: '不予受理', en: 'refused' },
};

/** Tickets filed before a service was chosen (e.g. at the hotline) carry this code until dispatch classifies them. */
export const UNCLASSIFIED = 'unclassified';

/** Stored in place of a contact detail the Open311 client did not send: staff see that none was given. */
export const NOT_GIVEN = '未提供';

// The spec: the default window is the last 90 days, a range may not span more, at most 1000 results.
export const WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
export const DESCRIPTION_MAX = 4000;

/** When this interface last changed (discovery `changeset`). */
export const CHANGESET = '2026-03-01T00:00:00+08:00';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string | null;
  group: string | null;
}

export interface ExtendedAttributes {
  detailed_status: TicketStatus;
  detailed_status_name: string;
}

export interface Open311Request {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  extended_attributes?: ExtendedAttributes;
}

/** The answer to a POST: the spec's receipt, followed by the request itself since we create it at once. */
export type Open311Receipt = { service_request_id: string; token: string; service_notice: string | null; account_id: null } & Omit<Open311Request, 'service_request_id' | 'service_notice'>;

export interface Open311Error { code: number; description: string }

/**
 * A ticket as the Open311 feed reads it. `requester` is loaded only so that the presenter can blank
 * the requester's own name and number out of free text; it is never output.
 */
export interface RequestRecord {
  trackingCode: string;
  status: TicketStatus;
  publicReason: string | null;
  replyText: string | null;
  mergedIntoCode: string | null;
  serviceCode: string | null;
  serviceName: string | null;
  description: string;
  leadUnitName: string | null;
  limits: TicketLimits | null;
  acceptedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  slaDeadline: Date | null;
  locationText: string;
  lat: number | null;
  lng: number | null;
  requester: { name: string; phone: string };
}

/** What GET requests asks for, after the spec's defaults and limits: listed ids override every filter. */
export type RequestQuery =
  | { by: 'ids'; ids: string[]; limit: number; extensions: boolean }
  | { by: 'filters'; serviceCodes: string[]; statuses: Open311Status[]; from: Date; to: Date; limit: number; extensions: boolean };

/** A POST request's fields after validation. The e-mail, device and account ids are dropped on reading. */
export interface NewOpen311Request {
  serviceCode: string;
  lat: number | null;
  lng: number | null;
  addressString: string | null;
  addressId: string | null;
  description: string;
  requesterName: string;
  requesterPhone: string;
}
