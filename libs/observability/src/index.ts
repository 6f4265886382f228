export * from './request-context';
export * from './observability-environment';
export * from './public-route';
export * from './correlation';
export * from './logging';
export * from './metrics';
export * from './health';
export * from './observability.module';
