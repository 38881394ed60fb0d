import { z } from 'zod';
import { ErrorBodySchema } from '../graph/api/index.ts';
import { ENDPOINTS, type EndpointDoc } from './endpoint-list.ts';

type Json = Record<string, unknown>;

// Requests are documented as accepted (input), responses as sent (output); transforms such as
// "A,B" → array are not representable, so they show their input shape.
function schemaOf(s: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
}

function parameters(e: EndpointDoc): Json[] {
  const out: Json[] = [];
  const add = (where: 'path' | 'query', s: z.ZodType | undefined) => {
    if (!s) return;
    const js = schemaOf(s, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema });
    }
  };
  add('path', e.params);
  add('query', e.query);
  return out;
}

const ERROR_RESPONSES = {
  '400': 'Bad input: the body names the field and the problem',
  '404': 'Unknown id, document or endpoint',
  '503': 'Store unavailable or timed out',
};

/** OpenAPI 3.1 document generated from the shared zod schemas. */
export function buildOpenApi(version: string): Json {
  const error = { content: { 'application/json': { schema: schemaOf(ErrorBodySchema, 'output') } } };
  const paths: Record<string, Json> = {};
  for (const e of ENDPOINTS) {
    const responses: Json = {
      '200': e.produces
        ? { description: 'File download', content: { [e.produces]: { schema: { type: 'string', format: 'binary' } } } }
        : { description: 'OK', ...(e.response ? { content: { 'application/json': { schema: schemaOf(e.response, 'output') } } } : {}) },
    };
    for (const [code, description] of Object.entries(ERROR_RESPONSES)) responses[code] = { description, ...error };
    paths[`/api${e.path}`] = {
      ...(paths[`/api${e.path}`] ?? {}),
      [e.method]: {
        summary: e.summary,
        parameters: parameters(e),
        ...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(e.body, 'input') } } } } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'policy-graph API', version, description: 'Read-only knowledge graph of Chinese government policy documents.' },
    paths,
  };
}
