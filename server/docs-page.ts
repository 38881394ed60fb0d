import { escapeXml as esc } from '../graph/export/xml.ts';
import { buildOpenApi } from './openapi.ts';

interface JsonSchema {
  type?: string;
  enum?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  anyOf?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface Param {
  name: string;
  in: string;
  required: boolean;
  schema: JsonSchema;
}

function describeSchema(s: JsonSchema): string {
  if (s.description) return s.default !== undefined ? `${s.description}; default ${JSON.stringify(s.default)}` : s.description;
  const bits: string[] = [];
  bits.push(s.type ?? (s.anyOf ? 'string | list' : 'value'));
  if (s.enum) bits.push(`one of ${s.enum.join(', ')}`);
  const max = s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER ? s.maximum : undefined;
  if (s.minimum !== undefined || max !== undefined) bits.push(max === undefined ? `≥ ${s.minimum}` : `${s.minimum ?? ''}..${max}`);
  if (s.maxItems !== undefined) bits.push(`at most ${s.maxItems}`);
  if (s.default !== undefined) bits.push(`default ${JSON.stringify(s.default)}`);
  return bits.join('; ');
}

/** Top-level body fields as rows (nested objects are summarised by their own fields' names). */
function bodyParams(body: unknown): Param[] {
  const schema = (body as { content?: { 'application/json'?: { schema?: JsonSchema } } }).content?.['application/json']?.schema ?? {};
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'body',
    required: (schema.required ?? []).includes(name),
    schema: s.properties ? { description: `object: ${Object.keys(s.properties).join(', ')}` } : s,
  }));
}

/** A plain HTML page (no scripts, no external assets) listing every endpoint and its parameters. */
export function renderDocsPage(version: string): string {
  const doc = buildOpenApi(version) as { paths: Record<string, Record<string, { summary: string; parameters: Param[]; requestBody?: unknown }>> };
  const sections: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const rows = [...op.parameters, ...(op.requestBody ? bodyParams(op.requestBody) : [])]
        .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : ''}</td><td>${esc(describeSchema(p.schema))}</td></tr>`)
        .join('');
      sections.push(
        `<section><h2><code>${method.toUpperCase()} ${esc(path)}</code></h2><p>${esc(op.summary)}</p>` +
          (rows ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${rows}</table>` : '') +
          '</section>',
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>policy-graph API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}code{font-size:.95em}</style>
</head><body><h1>policy-graph API ${esc(version)}</h1>
<p>JSON over HTTP, read-only. Lists are capped at 5,000 elements and say <code>truncated: true</code> when the cap was hit.
Errors are <code>{"error":{"code","message","field"?,"issues"?}}</code>: 400 bad input, 404 unknown id, 503 store down or timed out.
Machine-readable: <a href="openapi.json">openapi.json</a>.</p>
${sections.join('\n')}
</body></html>
`;
}
