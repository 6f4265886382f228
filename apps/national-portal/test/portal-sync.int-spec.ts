import { randomUUID } from 'node:crypto';
import { Role } from '@motcua/auth';
import { CaseClosed, DossierSupplemented, NationalStatus, SupplementRequested, TaskCompleted, TaskCreated, event } from '@motcua/contracts';
import { aDossierAccepted, eventually, useServiceApp } from '@motcua/testing';
import request from 'supertest';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';
import { type FakePortal, startFakePortal } from './fake-portal';

/**
 * The adapter against real PostgreSQL and RabbitMQ, with a stand-in portal over HTTP (./fake-portal.ts). This file
 * plays intake's and workflow's parts by publishing their events.
 */
describe('national-portal: every dossier’s state and progress to the portal, in order', () => {
  let portal: FakePortal;
  beforeAll(async () => {
    portal = await startFakePortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  const { service, db } = useServiceApp({
    service: SERVICE,
    module: AppModule,
    entities,
    migrations,
    env: () => ({
      PORTAL_URL: portal.url,
      PORTAL_POLL_INTERVAL_MS: '30',
      PORTAL_RETRY_BASE_MS: '50',
      PORTAL_RETRY_MAX_MS: '200',
      PORTAL_CIRCUIT_OPEN_MS: '200',
      PORTAL_CIRCUIT_MAX_OPEN_MS: '400',
      PORTAL_TIMEOUT_MS: '1000',
      PORTAL_LEASE_MS: '3000',
      PORTAL_PULL_INTERVAL_MS: '0',
    }),
  });

  const versionsOf = (code: string) =>
    portal.dossierCalls.flatMap((c) => c.data.filter((d) => d.MaHoSo === code).map((d) => ({ ...d, isUpdating: c.isUpdating }) as Record<string, unknown>));
  const progressOf = (code: string) => portal.progressCalls.flat().filter((r) => r.MaHoSo === code);

  /** A dossier’s whole life, as its producers publish it: 2 → 4 → 5 → 4 → 9 → 10. */
  function life(code: string) {
    const base = { dossierCode: code, coordinatorId: 'officer-1' };
    const taskId = randomUUID();
    const task = { taskId, caseId: randomUUID(), stepNumber: 1, stepName: 'Thẩm định', agencyCode: '000.00.01.H26', role: 'specialist', processVersion: 1 };
    return [
      event(TaskCreated, { ...base, ...task, nationalStatus: NationalStatus.InProgress, sequence: 1, occurredAt: '2026-11-26T02:10:00.000Z' }),
      event(SupplementRequested, {
        ...base,
        nationalStatus: NationalStatus.SupplementRequested,
        sequence: 2,
        occurredAt: '2026-11-27T02:00:00.000Z',
        caseId: task.caseId,
        stepNumber: 1,
        agencyCode: task.agencyCode,
        requestedBy: 'cv-1',
        reason: 'Thiếu giấy chứng sinh',
        missing: [{ name: 'Giấy chứng sinh' }],
        round: 1,
      }),
      event(DossierSupplemented, {
        ...base,
        nationalStatus: NationalStatus.InProgress,
        sequence: 2,
        occurredAt: '2026-11-28T02:00:00.000Z',
        documents: [{ name: 'Giấy chứng sinh' }],
        note: null,
        receivedBy: null,
        round: 1,
      }),
      event(TaskCompleted, {
        ...base,
        taskId,
        stepNumber: 1,
        stepName: 'Thẩm định',
        agencyCode: task.agencyCode,
        action: 'sign',
        actorId: 'cv-1',
        note: null,
        nationalStatus: NationalStatus.Processed,
        sequence: 3,
        occurredAt: '2026-11-29T03:00:00.000Z',
      }),
      event(CaseClosed, {
        ...base,
        caseId: task.caseId,
        outcome: 'returned',
        actorId: 'tra-1',
        note: null,
        nationalStatus: NationalStatus.Returned,
        sequence: 4,
        occurredAt: '2026-11-30T08:00:00.000Z',
      }),
    ];
  }

  async function walk(code: string, accepted = aDossierAccepted()) {
    await service.publish(accepted);
    for (const e of life(code)) await service.publish(e);
  }

  it('sends a dossier’s life 2 → 4 → 5 → 4 → 9 → 10 once each, in order, with exact dates; progress after the dossier', async () => {
    const accepted = aDossierAccepted({ appointmentAt: '2026-12-03T09:00:00.000Z' });
    const code = accepted.dossierCode;
    await walk(code, accepted);
    const versions = await eventually(async () => {
      const v = versionsOf(code);
      return v.at(-1)?.TrangThaiHoSo === 10 ? v : undefined;
    }, 'the dossier returned on the portal');
    expect(versions.map((v) => v.TrangThaiHoSo)).toEqual([2, 4, 5, 4, 9, 10]);
    expect(versions.map((v) => v.isUpdating)).toEqual([false, true, true, true, true, true]);
    expect(versions[0]).toMatchObject({
      MaHoSo: code,
      NgayNopHoSo: '20261126090500',
      NgayTiepNhan: '20261126090500',
      NgayHenTra: '20261203160000',
      KenhThucHien: 1,
      HinhThuc: 0,
    });
    expect(versions[5]).toMatchObject({ NgayKetThucXuLy: '20261129100000', NgayTra: '20261130150000' });
    const rows = await eventually(async () => (progressOf(code).length === 2 ? progressOf(code) : undefined), 'both progress rows');
    expect(rows.map((r) => r.TrangThai)).toEqual([4, 9]);
  });

  it('keeps everything while the portal is down and sends it all in order, none twice, once it is back', async () => {
    portal.down = true;
    const dossiers = [aDossierAccepted(), aDossierAccepted(), aDossierAccepted()];
    for (const accepted of dossiers) await walk(accepted.dossierCode, accepted);
    await eventually(async () => {
      const rows = await db.query(`SELECT count(*)::int AS n FROM portal_update WHERE sent_at IS NULL AND dossier_key = ANY($1)`, [
        dossiers.map((d) => d.dossierCode),
      ]);
      return rows[0].n === 3 * 8 ? true : undefined;
    }, 'every update queued while the portal is down');
    const ready = await request(service.app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    portal.down = false;
    for (const accepted of dossiers) {
      const versions = await eventually(
        async () => {
          const v = versionsOf(accepted.dossierCode);
          return v.at(-1)?.TrangThaiHoSo === 10 && progressOf(accepted.dossierCode).length === 2 ? v : undefined;
        },
        `${accepted.dossierCode} caught up`,
        15_000,
      );
      expect(versions.map((v) => v.TrangThaiHoSo)).toEqual([2, 4, 5, 4, 9, 10]);
    }
  });

  it('parks a record the portal keeps refusing, with its message, and sends it on an operator’s retry', async () => {
    const accepted = aDossierAccepted();
    const code = accepted.dossierCode;
    portal.refuse.set(code, 'MaTTHC không tồn tại');
    await walk(code, accepted);
    const parked = await eventually(async () => {
      const rows = await db.query(`SELECT state, last_error AS "lastError", refusals FROM portal_dossier WHERE key = $1`, [code]);
      if (rows[0]?.state !== 'parked') throw new Error(JSON.stringify(rows[0]));
      return rows[0];
    }, 'the dossier parked');
    expect(parked).toMatchObject({ lastError: 'MaTTHC không tồn tại', refusals: 3 });
    expect(progressOf(code)).toEqual([]);
    const admin = await service.token([Role.Admin]);
    const list = await request(service.app.getHttpServer()).get('/api/v1/portal/sync?state=parked').set('authorization', `Bearer ${admin}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ key: code, lastError: 'MaTTHC không tồn tại', unsent: 8 })]));

    portal.refuse.delete(code);
    const retried = await request(service.app.getHttpServer()).post(`/api/v1/portal/sync/${code}/retry`).set('authorization', `Bearer ${admin}`);
    expect(retried.status).toBe(200);
    const versions = await eventually(async () => {
      const v = versionsOf(code).filter((x) => x.isUpdating || x.TrangThaiHoSo === 2);
      return v.at(-1)?.TrangThaiHoSo === 10 ? v : undefined;
    }, 'the dossier sent after the retry');
    expect(versions.map((v) => v.TrangThaiHoSo)).toEqual([2, 2, 2, 2, 4, 5, 4, 9, 10]); // refused three times, then accepted;
  });
});
