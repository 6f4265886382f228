export * from './motcua-client';
export type * as intake from './generated/intake';
export type * as workflow from './generated/workflow';
export type * as notification from './generated/notification';
export type * as postalDelivery from './generated/postal-delivery';
export type * as nationalPortal from './generated/national-portal';
