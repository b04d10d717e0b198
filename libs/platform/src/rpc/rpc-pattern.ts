import { BusNamespace } from '@openday/contracts';

/**
 * The subject a `@MessagePattern` listens on. Decorators are evaluated at
 * import, so the namespace comes from the environment the process started with.
 */
export function rpcPattern(service: string, operation: string): string {
  return new BusNamespace(process.env.BUS_NAMESPACE || undefined).rpcSubject(service, operation);
}
