/** Request/reply operations, named `rpc.<service>.<operation>` by BusNamespace.rpcSubject. */
export const RpcOperations = {
  scheduling: {
    createOpenDay: 'open-days.create',
    getOpenDay: 'open-days.get',
  },
  registration: {
    getPublishedOpenDay: 'published-open-days.get',
    listPublishedOpenDays: 'published-open-days.list',
  },
} as const;
