export * from './run-service';
export * from './validation-rules';
export * from './openapi-document-of-service';
export * from './background-loop';
