export * from './database';
export * from './broker';
export * from './tcp-proxy';
export * from './auth';
export * from './events';
