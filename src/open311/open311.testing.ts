/**
 * Test helpers: the Open311 community's JSON Schemas, read at test time from the shared data folder (never
 * copied into the repository), and an independent XML parser (Python's xml.etree) for the XML answers.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

export const SCHEMA_DIR = process.env.OPEN311_SCHEMA_DIR
  ?? fileURLToPath(new URL('../../../shared/data/open311-georeport-v2/', import.meta.url));

const SCHEMA_FILES = ['service.json', 'services.json', 'service-definition.json', 'request.json', 'requests.json', 'swagger.json'] as const;
export type SchemaFile = (typeof SCHEMA_FILES)[number];

// ajv-formats is CommonJS; under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = formatsModule.default;

/** Ajv over the community files, each added under its file name so that their `$ref: "request.json"` resolve. */
export function open311Validator() {
  // The files are draft-04 style: no meta-schema we could check them against, and keywords Ajv 8 does not
  // know (swagger's own) are to be ignored, not refused.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  // Swagger 2 formats with no JSON Schema meaning.
  for (const format of ['uid', 'double']) ajv.addFormat(format, true);
  for (const file of SCHEMA_FILES) {
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
    // Draft-04 names its identifier `id` and states `$schema`; Ajv 8 would read either as a different draft.
    delete schema.id;
    delete schema.$schema;
    ajv.addSchema(schema, file);
  }
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (ref: string) => {
    let v = compiled.get(ref);
    if (!v) {
      v = ref.startsWith('swagger.json#') ? ajv.compile({ type: 'array', items: { $ref: ref } }) : ajv.getSchema(ref)!;
      compiled.set(ref, v);
    }
    return v;
  };
  return {
    /** Throws with Ajv's explanation unless `data` is valid against the schema file (or a swagger definition, as an array). */
    assertValid(ref: SchemaFile | `swagger.json#/definitions/${string}`, data: unknown): void {
      const v = validatorFor(ref);
      if (!v(data)) throw new Error(`Not valid against ${ref}: ${ajv.errorsText(v.errors)}\n${JSON.stringify(data, null, 2)}`);
    },
  };
}

export interface XmlNode { tag: string; text: string | null; children: XmlNode[] }

const PY_XML = `
import json, sys
import xml.etree.ElementTree as ET
def node(e):
    return {"tag": e.tag, "text": e.text, "children": [node(c) for c in e]}
data = sys.stdin.buffer.read()
root = ET.fromstring(data)
print(json.dumps({"declaration": data.lstrip().startswith(b'<?xml version="1.0" encoding="UTF-8"?>'), "root": node(root)}))
`;

/** Parse with Python's standard library: a parser that shares no code with our writer. */
export function parseXml(xml: string): Promise<XmlNode> {
  return new Promise((resolve, reject) => {
    const child = execFile('python3', ['-c', PY_XML], { encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`XML did not parse: ${stderr}\n${xml}`));
      const out = JSON.parse(stdout) as { declaration: boolean; root: XmlNode };
      if (!out.declaration) return reject(new Error(`XML lacks the UTF-8 declaration:\n${xml}`));
      resolve(out.root);
    });
    child.stdin!.end(xml, 'utf8');
  });
}

/** The element's children as { tag: text }: how a GeoReport client reads one service or request. */
export const fieldsOf = (n: XmlNode): Record<string, string | null> => Object.fromEntries(n.children.map((c) => [c.tag, c.text]));

/** How a value reads as XML text: null and empty become no text, numbers and booleans their JSON form. */
export const asXmlText = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
