export * from './gateway-client';
export * from './sign-in-codes';
export * from './builders';
export type { GatewayPaths, GatewayComponents } from '@openday/contracts';
