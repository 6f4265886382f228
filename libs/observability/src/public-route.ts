import { SetMetadata } from '@nestjs/common';

/**
 * Metadata key of routes that need no bearer token. It lives here, in the lowest lib, so observability's own
 * routes (health, metrics) can be marked without depending on libs/auth; `@Public()` from @motcua/auth sets
 * the same key and its guard reads it.
 */
export const IS_PUBLIC_KEY = 'motcua:isPublic';

/** Internal shorthand for observability's own controllers; services use `Public` from @motcua/auth. */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
