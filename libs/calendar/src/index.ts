export * from './vietnam-time';
export * from './civil-date';
export * from './public-holidays';
export * from './official-schedule';
export * from './official-schedules';
export * from './working-calendar';
export * from './deadlines';
