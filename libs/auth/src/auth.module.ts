import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { readEnvironment } from '@motcua/config';
import { AuthEnvironment } from './auth-environment';
import { BearerAuthGuard } from './bearer-auth.guard';
import { TokenVerifier } from './token-verifier';

/** Bearer-token authentication for every HTTP route of the app (global guard); `TokenVerifier` is injectable. */
@Module({})
export class AuthModule {
  static forRoot(): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AuthEnvironment, useFactory: () => readEnvironment(AuthEnvironment) },
        { provide: TokenVerifier, useFactory: (env: AuthEnvironment) => new TokenVerifier(env), inject: [AuthEnvironment] },
        BearerAuthGuard,
        { provide: APP_GUARD, useExisting: BearerAuthGuard },
      ],
      exports: [AuthEnvironment, TokenVerifier],
    };
  }
}
