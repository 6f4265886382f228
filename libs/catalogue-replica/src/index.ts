export * from './catalogue-replica';
export * from './catalogue-replica-environment';
export * from './catalogue-readiness';
export * from './catalogue-replica.module';
export * from './migration';
