import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** The gateway's OpenAPI document, as served at /api/docs-json and committed as services/gateway/openapi.json. */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Open Day platform API')
    .setDescription('Government Open Day: plans, publication, applications, selection, the day, feedback. Errors are RFC 9457 problem+json.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from /api/v1/auth/…' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** OpenAPI document at /api/docs-json, browsable at /api/docs. */
export function mountApiDocs(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
