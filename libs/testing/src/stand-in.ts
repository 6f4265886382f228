/**
 * Stands for the object `current` returns when it is used, so that a test file can name at its top level what its
 * `beforeAll` starts: its methods are called on that object itself.
 */
export function standIn<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_, property) {
      const target = current();
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
