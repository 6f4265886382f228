export * from './request-context';
export * from './environment';
