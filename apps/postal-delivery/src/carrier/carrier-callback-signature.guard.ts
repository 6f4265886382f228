import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { readEnvironment } from '@motcua/config';
import { Refusal } from '@motcua/errors';
import { SIGNATURE_HEADER, isSignedBy } from '@motcua/http';
import { CarrierEnvironment } from './carrier.environment';

/**
 * The callback route is public (the carrier has no token of ours): the signature over the raw body is its
 * authentication, checked before the body is validated. A missing or wrong one is 401 and changes nothing.
 */
@Injectable()
export class CarrierCallbackSignatureGuard implements CanActivate {
  private readonly secret = readEnvironment(CarrierEnvironment).CARRIER_CALLBACK_SECRET;

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ rawBody?: Buffer; headers: Record<string, string | string[] | undefined> }>();
    const signature = request.headers[SIGNATURE_HEADER];
    if (!isSignedBy(this.secret, request.rawBody, typeof signature === 'string' ? signature : undefined)) {
      throw new Refusal('CARRIER.CALLBACK_SIGNATURE_INVALID', `The ${SIGNATURE_HEADER} header is missing or is not the HMAC-SHA256 of the body`);
    }
    return true;
  }
}
