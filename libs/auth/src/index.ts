export * from './principal';
export * from './decorators';
export * from './auth-environment';
export * from './dev-keys';
export * from './token-verifier';
export * from './bearer-auth.guard';
export * from './auth.module';
export * from './intake-lookup';
