import { randomUUID } from 'node:crypto';
import { NationalStatus, ReturnMethod, TaskCompleted, event } from '@motcua/contracts';
import { aDossierAccepted } from '@motcua/testing';
import type { RunningPostalCarrierSimulator } from '../../../simulators/postal-carrier/postal-carrier-simulator';

/** What postal's integration tests share: the carrier's credentials, a seed desk and ward, and the events they play. */
export const TOKEN = 'integration-carrier-token';
export const SECRET = 'integration-carrier-callback-secret';
export const DESK = '016.01.20.H26'; // Ủy ban nhân dân phường Ngọc Hà (seed)
export const WARD = '00016';

/** postal-delivery pointed at the in-process carrier simulator, with short waits so faults resolve within a test. */
export const carrierEnv = (carrier: RunningPostalCarrierSimulator): Record<string, string> => ({
  CARRIER_URL: carrier.url,
  CARRIER_TOKEN: TOKEN,
  CARRIER_CALLBACK_SECRET: SECRET,
  CARRIER_TIMEOUT_MS: '500',
  CARRIER_RETRY_BASE_MS: '100',
  CARRIER_RETRY_MAX_MS: '300',
  CARRIER_POLL_INTERVAL_MS: '50',
  CARRIER_LEASE_MS: '1000',
  RECONCILE_INTERVAL_MS: '200',
  RECONCILE_AFTER_MS: '1500',
});

export const address = { recipient: 'Đỗ Quang Huy', phone: '0987654321', street: 'Số 5 ngõ 12 phố Đội Cấn', wardCode: WARD };

/** intake's acceptance of a dossier whose result goes back by post to `address`. */
export const acceptedByPost = (overrides: Parameters<typeof aDossierAccepted>[0] = {}) =>
  aDossierAccepted({ receivingAgencyCode: DESK, returnMethod: ReturnMethod.Post, deliveryAddress: address, applicant: { wardCode: WARD }, ...overrides });

/** workflow's signing of the dossier's result (status 9). */
export const signed = (dossierCode: string, sequence = 7) =>
  event(TaskCompleted, {
    dossierCode,
    nationalStatus: NationalStatus.Processed,
    sequence,
    occurredAt: new Date().toISOString(),
    taskId: randomUUID(),
    stepNumber: 2,
    stepName: 'Lãnh đạo Ủy ban nhân dân cấp xã ký giấy khai sinh',
    agencyCode: DESK,
    action: 'sign',
    actorId: 'lanh-dao-ngoc-ha',
    note: null,
    coordinatorId: 'officer-1',
  });
