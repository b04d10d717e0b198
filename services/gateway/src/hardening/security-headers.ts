import type { INestApplication } from '@nestjs/common';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * One Content-Security-Policy for everything the gateway answers: the portal
 * and console (Vite's bundles from this origin; inline styles because antd's
 * CSS-in-JS and antd-mobile insert them, ECharts draws on canvas), Swagger UI at
 * /api/docs (its scripts from this origin, inline styles) and the API (JSON,
 * where the policy costs nothing). Images also as data: and blob: URLs (QR
 * codes, previews); no framing, no plugins, forms and <base> to this origin only.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    scriptSrc: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

/**
 * helmet's headers with the policy above, on every answer (API, errors, docs,
 * portal): no X-Powered-By, no MIME sniffing, no framing, no referrer sent on,
 * same-origin opener and resource policies. The portal's nginx image sends the
 * same (deploy/docker/portal/security-headers.conf). HSTS is left to whatever
 * terminates TLS (the ingress), which knows the host names it binds.
 */
export const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
};

export function secureHeaders(app: INestApplication): void {
  app.use(helmet(SECURITY_HEADERS));
}
