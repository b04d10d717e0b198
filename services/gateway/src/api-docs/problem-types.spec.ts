import type { OpenAPIObject } from '@nestjs/swagger';
import { problemCatalogue, problemCodeOf, problemEntry } from '@openday/contracts';
import { PROBLEM_TYPES_EXTENSION } from './api-docs';
import { generateApiDocument } from './openapi-file';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every status some API operation documents as an answer of its own (`default` aside). */
function documentedStatuses(document: OpenAPIObject): Set<string> {
  const statuses = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const method of METHODS) for (const status of Object.keys(item[method]?.responses ?? {})) statuses.add(status);
  }
  return statuses;
}

/** The OpenAPI document and the problem catalogue (@openday/contracts) say the same about refusals. */
describe('problem types in the OpenAPI document', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await generateApiDocument();
  });

  it('lists every catalogue entry on the Problem schema with its type, status and title', () => {
    const listed = (document.components!.schemas!.Problem as Record<string, unknown>)[PROBLEM_TYPES_EXTENSION];
    expect(listed).toEqual(problemCatalogue().map(({ code, type, status, title }) => ({ code, type, status, title })));
  });

  it('names no problem type the catalogue does not hold', () => {
    const named = [...new Set(JSON.stringify(document).match(/https?:\/\/[^"\s`]+\/problems\/[a-z0-9-]+/g) ?? [])];
    const unknown = named.filter((type) => {
      const code = problemCodeOf(type);
      return code === undefined || problemEntry(code).type !== type;
    });
    expect(named.length).toBeGreaterThan(0);
    expect(unknown).toEqual([]);
  });

  it('documents the status of every refusal on some operation (5xx under every operation’s default)', () => {
    const statuses = documentedStatuses(document);
    const undocumented = problemCatalogue()
      .filter(({ status }) => !statuses.has(status >= 500 ? 'default' : String(status)))
      .map(({ code, status }) => `${code} (${status})`);
    expect(undocumented).toEqual([]);
  });
});
