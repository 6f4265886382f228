import { readEnvironment } from '@motcua/config';
import { SignedBodyGuard } from '@motcua/http';
import { CarrierEnvironment } from './carrier.environment';

/** The carrier has no token of ours: its status callbacks are signed with CARRIER_CALLBACK_SECRET. */
export const CarrierCallbackSignatureGuard = SignedBodyGuard(
  'CARRIER.CALLBACK_SIGNATURE_INVALID',
  () => readEnvironment(CarrierEnvironment).CARRIER_CALLBACK_SECRET,
);
