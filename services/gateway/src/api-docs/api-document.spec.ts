import type { OpenAPIObject } from '@nestjs/swagger';
import { generateApiDocument } from './openapi-file';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
}
interface Response {
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, Response>;
  security?: unknown[];
  'x-access'?: string[];
}

function apiOperations(document: OpenAPIObject): Array<{ name: string; path: string; operation: Operation }> {
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        name: `${method.toUpperCase()} ${path}`,
        path,
        operation: item[method] as unknown as Operation,
      })),
    );
}

/** What a client generated from the document (openapi-typescript + openapi-fetch) relies on. */
describe('the OpenAPI document', () => {
  let operations: ReturnType<typeof apiOperations>;

  beforeAll(async () => {
    operations = apiOperations(await generateApiDocument());
  });

  it('declares every path parameter, with a schema', () => {
    const undeclared = operations.flatMap(({ name, path, operation }) =>
      [...path.matchAll(/\{(\w+)\}/g)]
        .map((match) => match[1])
        .filter((param) => !operation.parameters?.some((p) => p.in === 'path' && p.name === param && p.required && p.schema))
        .map((param) => `${name}: ${param}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('gives the public listing its filters as typed, optional query parameters', () => {
    const list = operations.find(({ name }) => name === 'GET /api/v1/public/open-days')!.operation;
    const query = Object.fromEntries((list.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
    expect(Object.keys(query).sort()).toEqual(['agencyId', 'cursor', 'district', 'form', 'from', 'limit', 'openNow', 'q', 'to']);
    expect(Object.values(query).every((p) => p.required === false)).toBe(true);
    expect(query.limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(query.openNow.schema).toMatchObject({ type: 'boolean' });
  });

  it('lists each header once, Idempotency-Key as optional', () => {
    for (const { name, operation } of operations) {
      const headers = (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
      expect({ name, headers }).toEqual({ name, headers: [...new Set(headers)] });
    }
    const idempotencyKeys = operations.flatMap(({ operation }) => (operation.parameters ?? []).filter((p) => p.name === 'Idempotency-Key'));
    expect(idempotencyKeys.length).toBeGreaterThan(5);
    expect(idempotencyKeys.every((p) => p.required === false)).toBe(true);
  });

  it('answers every error with the shared Problem schema as application/problem+json', () => {
    for (const { name, operation } of operations) {
      const errors = Object.entries(operation.responses).filter(([status]) => status === 'default' || Number(status) >= 400);
      expect({ name, default: Boolean(operation.responses.default) }).toEqual({ name, default: true });
      for (const [status, response] of errors) {
        expect({ name, status, content: response.content }).toEqual({
          name,
          status,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        });
      }
    }
  });

  it('describes the success body of every operation (204 aside)', () => {
    const undescribed = operations
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status) && status !== '204');
        const noContent = Boolean(operation.responses['204']);
        return !noContent && (success.length === 0 || success.some(([, response]) => !Object.values(response.content ?? {}).some((media) => media.schema)));
      })
      .map(({ name }) => name);
    expect(undescribed).toEqual([]);
  });

  it('requires the bearer token exactly where x-access names roles', () => {
    for (const { name, operation } of operations) {
      const isPublic = operation['x-access']?.includes('public') ?? false;
      expect({ name, security: operation.security }).toEqual({ name, security: isPublic ? undefined : [{ bearer: [] }] });
    }
  });
});
