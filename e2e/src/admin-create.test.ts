import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  createTestDatabase,
  freePort,
  GatewayClient,
  ServiceProcess,
  testInfrastructure,
  testNamespace,
  type TestDatabase,
  type TestInfrastructure,
} from '@openday/testing';

const GATEWAY_MAIN = path.resolve(__dirname, '../../services/gateway/dist/main.js');
const PASSWORD = 'first-admin-password-2026';

/**
 * A production install's first step: `node dist/main.js admin:create` (what
 * `npm run admin:create` and `kubectl exec` run) on an empty gateway database,
 * then the administrator signs in to a real gateway.
 */
describe('admin:create on a new installation', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let env: Record<string, string>;
  let gateway: ServiceProcess | undefined;

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'gateway_admin_cli');
    env = { DATABASE_URL: database.url, NATS_URL: infra.natsUrl, BUS_NAMESPACE: testNamespace().root, LOG_LEVEL: 'warn' };
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.drop();
    await infra?.stop();
  }, 120_000);

  /** Runs the command as an operator would, the password piped on standard input unless the environment has it. */
  function adminCreate(args: string[], stdin: string, extraEnv: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [GATEWAY_MAIN, 'admin:create', ...args], { env: { ...process.env, ...env, ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.resume();
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
      child.stdin.end(stdin);
    });
  }

  it('refuses wrong arguments and a password the rules refuse, with exit code 2', async () => {
    const noUsername = await adminCreate([], `${PASSWORD}\n`);
    expect(noUsername).toMatchObject({ code: 2, stderr: expect.stringContaining('--username is required') });
    const short = await adminCreate(['--username', 'chen.admin'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('password must be longer than or equal to 10 characters');
    expect(short.stderr).not.toContain('short\n');
  }, 120_000);

  it('creates the first administrator from a piped password, and refuses a second unless told (exit 3)', async () => {
    const created = await adminCreate(['--username', 'chen.admin', '--agency', 'city-office'], `${PASSWORD}\n`);
    expect(created.stderr).toContain('created city-office administrator chen.admin');
    expect(created.code).toBe(0);
    const again = await adminCreate(['--username', 'li.admin'], `${PASSWORD}\n`);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('already has an administrator (chen.admin)');
    const another = await adminCreate(['--username', 'li.admin', '--another'], '', { OPENDAY_ADMIN_PASSWORD: `${PASSWORD}-li` });
    expect(another.code).toBe(0);
  }, 120_000);

  it('asks for the password twice on a terminal without echoing it (a pseudo-terminal from util-linux `script`)', async () => {
    const command = `${process.execPath} ${GATEWAY_MAIN} admin:create --username wang.admin --another`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    const answered = new Set<string>();
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      // Each answer only once its question is on the screen, as a person types it.
      for (const question of ['Password: ', 'Password again: ']) {
        if (screen.includes(question) && !answered.has(question)) {
          answered.add(question);
          child.stdin.write(`${PASSWORD}-wang\r`);
        }
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(screen).toContain('created city-office administrator wang.admin');
    expect(screen).not.toContain(PASSWORD);
    expect(code).toBe(0);
  }, 120_000);

  it('the administrators sign in to the gateway as the city office', async () => {
    gateway = new ServiceProcess({ service: 'gateway', port: await freePort(), env });
    await gateway.start({ readyTimeoutMs: 45_000 });
    for (const [username, password] of [['chen.admin', PASSWORD], ['li.admin', `${PASSWORD}-li`], ['wang.admin', `${PASSWORD}-wang`]]) {
      const client = new GatewayClient(gateway.url);
      const accessToken = await client.staffSignIn(username, password);
      expect(await client.json('GET', '/api/v1/auth/me', undefined, accessToken)).toMatchObject({ role: 'city-office', agencyId: 'city-office' });
    }
  }, 120_000);
});
