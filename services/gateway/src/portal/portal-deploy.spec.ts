import { readFileSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import helmet from 'helmet';
import { parse, parseAllDocuments } from 'yaml';
import { CONTENT_SECURITY_POLICY } from '../hardening/security-headers';

const ROOT = join(__dirname, '..', '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const yamlDocuments = (path: string) => parseAllDocuments(read(path)).map((doc) => doc.toJS() as Manifest);

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Kubernetes objects, checked field by field below
}

/** The Content-Security-Policy header the gateway sends with the portal. */
function gatewayPortalCsp(): string {
  const headers = new Map<string, string>();
  const res = { setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value) } as unknown as ServerResponse;
  helmet.contentSecurityPolicy(CONTENT_SECURITY_POLICY)({} as IncomingMessage, res, () => undefined);
  return headers.get('content-security-policy')!;
}

/** The portal is served by the gateway (npm start) and by its own nginx image (compose, Kubernetes): the same rules both ways. */
describe('the portal in deploy/', () => {
  const nginx = read('deploy/docker/portal/default.conf');
  const headers = read('deploy/docker/portal/security-headers.conf');

  it('sends the gateway’s Content-Security-Policy and the same protective headers', () => {
    const csp = /add_header Content-Security-Policy "([^"]+)" always;/.exec(headers)?.[1];
    expect(csp).toBe(gatewayPortalCsp());
    expect(headers).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(headers).toContain('add_header Referrer-Policy "no-referrer" always;');
    expect(nginx).toContain('server_tokens off;');
  });

  it('keeps hashed assets a year, revalidates the rest, falls back to index.html and never caches a 404', () => {
    const location = (pattern: string) => new RegExp(`location ${pattern} \\{([^}]*)\\}`).exec(nginx)?.[1] ?? '';
    const assets = location('\\^~ /assets/');
    expect(assets).toContain('add_header Cache-Control "public, max-age=31536000, immutable";');
    expect(assets).toContain('try_files $uri =404;');
    const pages = location('/');
    expect(pages).toContain('add_header Cache-Control "no-cache";');
    expect(pages).toContain('try_files $uri /index.html;');
    for (const block of [assets, pages]) expect(block).toContain('include /etc/nginx/snippets/security-headers.conf;');
    expect(nginx).not.toMatch(/Cache-Control "[^"]*" always/);
  });

  it('proxies nothing in the image; compose alone passes /api to the gateway', () => {
    expect(nginx).not.toContain('proxy_pass');
    expect(read('deploy/docker/portal/api.conf')).not.toContain('proxy_pass');
    const composeProxy = read('deploy/docker/portal/compose-api-proxy.conf');
    expect(composeProxy).toMatch(/location \^~ \/api\/v1\/ \{\s+proxy_pass http:\/\/gateway:3000;/);
    expect(composeProxy.match(/proxy_pass/g)).toHaveLength(1);
    const compose = parse(read('docker-compose.yml')) as { services: Record<string, { build?: { dockerfile: string }; volumes?: string[]; ports?: string[] }> };
    expect(compose.services.portal).toMatchObject({
      build: { dockerfile: 'deploy/docker/portal.Dockerfile' },
      volumes: ['./deploy/docker/portal/compose-api-proxy.conf:/etc/nginx/portal.d/api.conf:ro'],
    });
    expect(compose.services.portal.ports?.[0]).toMatch(/:8080$/);
    for (const [name, svc] of Object.entries(compose.services)) {
      if (svc.build) expect({ name, exists: readdirSync(join(ROOT, 'deploy/docker')).includes(svc.build.dockerfile.replace('deploy/docker/', '')) }).toEqual({ name, exists: true });
    }
  });

  it('copies every workspace’s package.json in each image build, so npm sees the lockfile’s workspaces', () => {
    const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces.map((w) => `${w}/package.json`);
    for (const dockerfile of ['deploy/docker/service.Dockerfile', 'deploy/docker/portal.Dockerfile']) {
      const copied = /^COPY --parents (.+) \.\/$/m.exec(read(dockerfile))?.[1].split(' ') ?? [];
      expect({ dockerfile, copied: copied.sort() }).toEqual({ dockerfile, copied: [...workspaces].sort() });
    }
  });
});

/** Scaled by a CPU HorizontalPodAutoscaler; every other deployable by a KEDA ScaledObject. */
const HTTP_SERVICES = ['gateway', 'portal'];
/** The outbox relay's connections beside a service's pool (LISTEN, relaying). */
const RELAY_CONNECTIONS = 2;
/** PostgreSQL's default superuser_reserved_connections, which CloudNativePG keeps. */
const SUPERUSER_RESERVED_CONNECTIONS = 3;

/** The purposes (`readonly purpose = '…'`) of a service's event subscribers: its durable consumers are `<service>_<purpose>`. */
function declaredPurposes(service: string): string[] {
  const folder = join(ROOT, 'services', service, 'src');
  const files = (readdirSync(folder, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !/\.(spec|test)\.ts$/.test(f));
  return files.flatMap((f) => [...read(join('services', service, 'src', f)).matchAll(/readonly purpose = '([^']+)'/g)].map((m) => m[1]));
}

describe('the Kubernetes manifests', () => {
  const files = readdirSync(join(ROOT, 'deploy/k8s/services')).map((file) => `deploy/k8s/services/${file}`);
  const manifests = files.flatMap(yamlDocuments);
  const deployments = manifests.filter((m) => m.kind === 'Deployment');

  it('apply every service file and name an image tag for every container', () => {
    const kustomization = parse(read('deploy/k8s/kustomization.yaml')) as { resources: string[]; images: Array<{ name: string }> };
    expect(files.map((f) => f.replace('deploy/k8s/', '')).every((f) => kustomization.resources.includes(f))).toBe(true);
    const images = deployments.flatMap((d) => (d.spec.template.spec.containers as Array<{ image: string }>).map((c) => c.image));
    expect(images.sort()).toEqual(kustomization.images.map((i) => i.name).sort());
    expect(deployments.map((d) => d.metadata.name)).toContain('portal');
  });

  it.each(['gateway', 'registration', 'vetting', 'scheduling', 'notification', 'feedback', 'portal'])(
    'runs %s non-root on a read-only file system, with probes and resources, and a Service, PDB and one autoscaler',
    (name) => {
      const deployment = deployments.find((d) => d.metadata.name === name)!;
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(container.resources).toMatchObject({ requests: { cpu: expect.anything(), memory: expect.anything() }, limits: { memory: expect.anything() } });
        for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) expect(container[probe].httpGet.port).toBe('http');
      }
      for (const kind of ['Service', 'PodDisruptionBudget']) {
        expect(manifests.some((m) => m.kind === kind && m.metadata.name === name)).toBe(true);
      }
      // KEDA makes the HPA of a Deployment it scales: two autoscalers on one Deployment fight.
      const autoscalers = manifests.filter((m) => ['HorizontalPodAutoscaler', 'ScaledObject'].includes(m.kind) && m.metadata.name === name);
      expect(autoscalers.map((m) => m.kind)).toEqual([HTTP_SERVICES.includes(name) ? 'HorizontalPodAutoscaler' : 'ScaledObject']);
    },
  );

  it('scale each event consumer on CPU and on the lag of durable consumers that exist (deploy/SCALING.md)', () => {
    for (const scaled of manifests.filter((m) => m.kind === 'ScaledObject')) {
      const service = scaled.metadata.name;
      const triggers = scaled.spec.triggers as Array<{ type: string; metadata: Record<string, string> }>;
      expect(triggers.filter((t) => t.type === 'cpu').map((t) => t.metadata.value)).toEqual(['70']);
      const lags = triggers.filter((t) => t.type === 'nats-jetstream');
      expect(lags.length).toBeGreaterThan(0);
      const purposes = declaredPurposes(service);
      for (const { metadata } of lags) {
        expect(metadata).toMatchObject({ natsServerMonitoringEndpoint: 'nats-headless.openday.svc.cluster.local:8222', account: 'PLATFORM', useHttps: 'false' });
        expect(Number(metadata.lagThreshold)).toBeGreaterThan(0);
        const purpose = metadata.consumer.replace(`${service}_`, '');
        expect({ service, consumer: metadata.consumer, declared: purposes.includes(purpose) }).toEqual({ service, consumer: metadata.consumer, declared: true });
        expect(metadata.stream).toMatch(/^OPENDAY_(INTERNAL_)?(GATEWAY|REGISTRATION|VETTING|SCHEDULING|NOTIFICATION|FEEDBACK)$/);
      }
      expect(scaled.spec.minReplicaCount).toBeGreaterThanOrEqual(2);
    }
  });

  it('fit every service at its maximum replicas (plus one rollout surge pod) in PostgreSQL’s connections', () => {
    const [cluster] = yamlDocuments('deploy/k8s/postgres/cluster.yaml');
    const config = yamlDocuments('deploy/k8s/config.yaml')[0] as unknown as { data: Record<string, string> };
    const perPod = Number(config.data.DATABASE_POOL_SIZE) + RELAY_CONNECTIONS;
    const roles = new Map((cluster.spec.managed.roles as Array<{ name: string; connectionLimit: number }>).map((r) => [r.name, r.connectionLimit]));
    let total = 0;
    for (const deployment of deployments.filter((d) => d.metadata.name !== 'portal')) {
      const name = deployment.metadata.name;
      const scaler = manifests.find((m) => ['HorizontalPodAutoscaler', 'ScaledObject'].includes(m.kind) && m.metadata.name === name)!;
      const pods = (scaler.spec.maxReplicas ?? scaler.spec.maxReplicaCount) + deployment.spec.strategy.rollingUpdate.maxSurge;
      expect({ name, connections: pods * perPod, withinRoleLimit: pods * perPod <= roles.get(`openday_${name}`)! }).toMatchObject({ name, withinRoleLimit: true });
      total += pods * perPod;
    }
    expect(total).toBeLessThanOrEqual(Number(cluster.spec.postgresql.parameters.max_connections) - SUPERUSER_RESERVED_CONNECTIONS);
  });

  it('route only the API to the gateway and everything else to the portal, on one host: its docs, health and metrics stay inside', () => {
    const [ingress] = yamlDocuments('deploy/k8s/ingress.yaml');
    const paths = (ingress.spec.rules as Array<{ http: { paths: Array<{ path: string; pathType: string; backend: { service: { name: string; port: { name: string } } } }> } }>)
      .flatMap((rule) => rule.http.paths)
      .map((p) => [p.path, p.pathType, p.backend.service.name, p.backend.service.port.name]);
    expect(paths).toEqual([
      ['/api/v1', 'Prefix', 'gateway', 'http'],
      ['/', 'Prefix', 'portal', 'http'],
    ]);
  });
});
