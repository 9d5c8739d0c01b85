/**
 * A small XML writer for the GeoReport v2 documents: elements only (the spec uses no attributes), UTF-8,
 * text escaped, and characters XML 1.0 cannot carry dropped, so any ticket text yields well-formed XML.
 */

/** The element each list's items take, by the list's own element name (spec: services/service, …). */
export const XML_ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  extensions: 'extension',
  detailed_statuses: 'detailed_status',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Outside these ranges a character cannot appear in an XML 1.0 document at all, not even escaped.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Strings, numbers and booleans become text, null an empty element, arrays and objects nested elements. */
function element(name: string, value: unknown, items: Readonly<Record<string, string>>): string {
  if (!NAME.test(name)) throw new Error(`Not an XML element name: ${name}`);
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = items[name] ?? 'item';
    return value.length ? `<${name}>${value.map((v) => element(item, v, items)).join('')}</${name}>` : `<${name}/>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => element(k, v, items)).join('');
    return inner ? `<${name}>${inner}</${name}>` : `<${name}/>`;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `<${name}>${escapeXml(String(value))}</${name}>`;
  throw new Error(`No XML form for a ${typeof value} in <${name}>`);
}

/** A whole document: the declaration the spec requires, then `root` holding `value`. */
export function toXml(root: string, value: unknown, items: Readonly<Record<string, string>> = XML_ITEMS): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, items)}\n`;
}
