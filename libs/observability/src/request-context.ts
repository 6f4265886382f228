import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What travels with one unit of work (an HTTP request, a consumed message): the correlation id that ties a
 * dossier's whole walk together across services, and the id of the message that caused this work.
 */
export interface RequestContextValue {
  readonly correlationId: string;
  readonly causationId?: string;
}

const storage = new AsyncLocalStorage<RequestContextValue>();

export const RequestContext = {
  run<T>(value: RequestContextValue, fn: () => T): T {
    return storage.run(value, fn);
  },
  current(): RequestContextValue | undefined {
    return storage.getStore();
  },
};
