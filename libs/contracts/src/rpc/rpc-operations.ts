/** Request/reply operations, named `rpc.<service>.<operation>` by BusNamespace.rpcSubject. */
export const RpcOperations = {
  registration: {
    getPublishedOpenDay: 'published-open-days.get',
    listPublishedOpenDays: 'published-open-days.list',
  },
} as const;
