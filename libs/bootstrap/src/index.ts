export * from './run-service';
export * from './validation-rules';
