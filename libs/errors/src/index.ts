export * from './refusal';
export * from './problem-details';
export * from './problem-titles';
export * from './problem-details.filter';
export * from './framework-problems';
export * from './unavailable';
export * from './problem-responses';
