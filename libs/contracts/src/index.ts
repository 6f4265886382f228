export * from './event';
export * from './national-status';
export * from './dossier-events';
export * from './catalogue-events';
export * from './task-events';
export * from './registry';
export * from './payload-schemas';
export * from './dossier-not-found';
