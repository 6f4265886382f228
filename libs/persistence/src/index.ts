export * from './database-environment';
export * from './snake-naming.strategy';
export * from './data-source';
export * from './persistence.module';
export * from './idempotency';
export * from './cursor';
export * from './ids';
export * from './prepared';
