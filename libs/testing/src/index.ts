export * from './database';
export * from './broker';
export * from './tcp-proxy';
export * from './auth';
export * from './events';
export * from './service-app';
export * from './eventually';
export * from './running-suite';
