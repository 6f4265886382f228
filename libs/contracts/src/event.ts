/**
 * An integration event class: the payload's shape (class-validator decorators), its routing key / AMQP `type`
 * (`<producer>.<aggregate>.<event>`) and its version. Contracts are a public interface: the National Portal
 * adapter subscribes to them. Change a payload only by adding optional fields; anything else is a new version.
 */
export interface EventClass<T extends object = object> {
  new (...args: never[]): T;
  readonly type: string;
  readonly version: number;
}

/** Builds an event instance from plain data, so producers write `event(DossierAccepted, {...})`. */
export function event<T extends object>(cls: EventClass<T>, data: Omit<T, never>): T {
  return Object.assign(Object.create(cls.prototype) as T, data);
}

export function eventClassOf(instance: object): EventClass {
  const cls = instance.constructor as Partial<EventClass>;
  if (typeof cls.type !== 'string' || typeof cls.version !== 'number') {
    throw new TypeError(`${instance.constructor.name} is not an integration event class (static type and version)`);
  }
  return cls as EventClass;
}
