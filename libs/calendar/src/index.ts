export * from './vietnam-time';
