export * from './gateway-client';
export * from './sign-in-codes';
export * from './builders';
export type { paths as GatewayPaths, components as GatewayComponents } from './gateway-api';
