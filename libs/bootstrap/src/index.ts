export * from './run-service';
export * from './validation-rules';
export * from './openapi-document-of-service';
