import { Module } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { natsClientOptions, RPC_PROXY, RPC_TIMEOUT_MS, RpcClient, SERVICE_CONFIG } from '@openday/platform';
import type { GatewayConfig } from '../gateway.config';

@Module({
  providers: [
    {
      provide: RPC_PROXY,
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) =>
        ClientProxyFactory.create({
          transport: Transport.NATS,
          options: natsClientOptions(config, 'gateway-rpc'),
        }),
    },
    { provide: RPC_TIMEOUT_MS, inject: [SERVICE_CONFIG], useFactory: (config: GatewayConfig) => config.RPC_TIMEOUT_MS },
    RpcClient,
  ],
  exports: [RpcClient],
})
export class RpcModule {}
