export type { components, operations, paths } from '@openday/contracts/gateway-api';
