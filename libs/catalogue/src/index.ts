export * from './agency-rule';
export * from './resolve-step-agency';
export * from './procedure-rules';
export * from './not-in-catalogue';
