import { TICKET_STATUSES } from '../tickets/ticket.js';
import { CHANGESET, OPEN311_STATUS, STATUS_NAMES } from './open311.js';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/**
 * The service discovery document. Beyond the spec's fields it lists our one extension, so that a client
 * can find out what `extensions=true` adds without reading our code (README.md).
 */
export function discovery(baseUrl: string) {
  return {
    changeset: CHANGESET,
    contact: '本区 12345 政务服务便民热线管理机构 (the district 12345 hotline office)',
    key_service: '向平台系统管理员申请 api_key；管理员在 POST /api/v1/open311/keys 创建 (ask the platform administrators for an api_key)',
    endpoints: [{
      specification: SPECIFICATION,
      url: baseUrl,
      changeset: CHANGESET,
      type: 'production',
      formats: ['application/json', 'text/xml'],
    }],
    extensions: [{
      name: 'extended_attributes',
      parameter: 'extensions=true',
      applies_to: 'GET requests, GET requests/{id}',
      description: 'Adds extended_attributes to each request: detailed_status (one of the codes below) and detailed_status_name. '
        + 'status stays open or closed as the spec says; each detailed status maps to one of them.',
      detailed_statuses: TICKET_STATUSES.map((code) => ({
        code, status: OPEN311_STATUS[code], name: STATUS_NAMES[code].zh, description: STATUS_NAMES[code].en,
      })),
    }],
  };
}
