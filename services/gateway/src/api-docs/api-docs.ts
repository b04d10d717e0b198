import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { problemCatalogue } from '@openday/contracts';
import { FieldProblemDto, ProblemDto } from './problem.dto';
import { documentValidatedClasses } from './validated-classes';

// The package root exports the document type only; its parts are reached through it.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = { description: string; content?: unknown };
type ParameterObject = { name: string; in: string; description?: string };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PROBLEM_JSON = 'application/problem+json';
const PROBLEM_SCHEMA = 'Problem';
export const PROBLEM_TYPES_EXTENSION = 'x-problem-types';

/** The gateway's OpenAPI document, as served at /api/docs-json and committed as services/gateway/openapi.json. */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  documentValidatedClasses();
  const config = new DocumentBuilder()
    .setTitle('Open Day platform API')
    .setDescription('Government Open Day: plans, publication, applications, selection, the day, feedback. Errors are RFC 9457 problem+json.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from /api/v1/auth/…' })
    .build();
  return listProblemTypes(describeErrors(SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto, FieldProblemDto] })));
}

/** OpenAPI document at /api/docs-json, browsable at /api/docs. */
export function mountApiDocs(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * What holds for every API operation because of the platform, not the
 * controller, so it is said once here: every error is ProblemFilter's
 * problem+json (4xx listed by the controller, 400 wherever there is input to
 * validate, 429 on the rate-limited public operations, anything else as
 * `default`), and a security requirement is listed once.
 */
function describeErrors(document: OpenAPIObject): OpenAPIObject {
  const problem = { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemDto) } } };
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = operation.responses as unknown as Record<string, ResponseObject>;
      const hasInput = Boolean(operation.requestBody) || (operation.parameters ?? []).length > 0;
      if (hasInput) responses['400'] ??= { description: 'Invalid input: `errors` names each field and the rule it broke (problem+json).' };
      if (isPublic(operation)) responses['429'] ??= { description: 'Too many requests from this address (problem+json).' };
      responses.default = { description: 'Any other error, e.g. 504 when a service does not answer in time (problem+json).' };
      for (const [status, response] of Object.entries(responses)) {
        if (status === 'default' || Number(status) >= 400) response.content = problem;
      }
      operation.parameters = withoutDuplicateHeaders((operation.parameters ?? []) as ParameterObject[]) as OperationObject['parameters'];
      if (operation.security) operation.security = [...new Map(operation.security.map((entry) => [JSON.stringify(entry), entry])).values()];
    }
  }
  return document;
}

/**
 * The problem catalogue (`@openday/contracts`' PROBLEMS) on the `Problem`
 * schema as `x-problem-types`: every refusal the API answers with, its code,
 * `type` URI, status and title, so a client tells them apart by `type`
 * without reading the code. Written from the catalogue, never by hand.
 */
function listProblemTypes(document: OpenAPIObject): OpenAPIObject {
  const schema = document.components?.schemas?.[PROBLEM_SCHEMA] as Record<string, unknown> | undefined;
  if (!schema) throw new Error(`The document has no ${PROBLEM_SCHEMA} schema to list the problem types on.`);
  schema[PROBLEM_TYPES_EXTENSION] = problemCatalogue().map(({ code, type, status, title }) => ({ code, type, status, title }));
  return document;
}

function isPublic(operation: OperationObject): boolean {
  const access = (operation as unknown as Record<string, unknown>)['x-access'];
  return Array.isArray(access) && access.includes('public');
}

/**
 * Header names are case-insensitive: a handler reading `@Headers('idempotency-key')`
 * adds an undocumented, required copy of the header its decorator already
 * documents as optional. The documented one stays.
 */
function withoutDuplicateHeaders(parameters: ParameterObject[]): ParameterObject[] {
  const documented = new Set(parameters.filter((p) => p.in === 'header' && p.description).map((p) => p.name.toLowerCase()));
  return parameters.filter((p) => p.in !== 'header' || p.description || !documented.has(p.name.toLowerCase()));
}
