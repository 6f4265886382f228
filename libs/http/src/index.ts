export * from './http-app';
export * from './http-server';
export * from './trust-proxy';
export * from './validation';
export * from './request-input';
export * from './request-rules';
