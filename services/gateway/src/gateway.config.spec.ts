import { ConfigError, loadConfig } from '@openday/platform';
import { GatewayConfig } from './gateway.config';

describe('GatewayConfig', () => {
  it('defaults to the architecture’s port and a 5 s RPC deadline', () => {
    expect(loadConfig(GatewayConfig, {})).toMatchObject({ PORT: 3000, RPC_TIMEOUT_MS: 5000, NATS_URL: ['nats://127.0.0.1:4222'] });
  });

  it.each([
    ['abc', 'RPC_TIMEOUT_MS must be an integer between 100 and 60000 (got "abc")'],
    ['50', 'RPC_TIMEOUT_MS must be an integer between 100 and 60000 (got "50")'],
    ['600000', 'RPC_TIMEOUT_MS must be an integer between 100 and 60000 (got "600000")'],
  ])('refuses RPC_TIMEOUT_MS=%s naming the variable', (value, problem) => {
    expect(() => loadConfig(GatewayConfig, { RPC_TIMEOUT_MS: value })).toThrow(ConfigError);
    try {
      loadConfig(GatewayConfig, { RPC_TIMEOUT_MS: value });
    } catch (err) {
      expect((err as ConfigError).problems).toContain(problem);
    }
  });
});
