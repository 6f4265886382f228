import { randomUUID } from 'node:crypto';
import { Role } from '@motcua/auth';
import {
  NationalStatus,
  ShipmentCancelled,
  ShipmentDelivered,
  ShipmentDeliveryFailed,
  type ShipmentEvent,
  ShipmentHandedOver,
  ShipmentReturned,
  event,
} from '@motcua/contracts';
import { type AnyJson, aDossierAccepted, callApi, claimAndAct, eventually, publishEvent, useSuite } from '@motcua/testing';

const TRUC_BACH = '004.01.20.H26';
const RETURNER = `${TRUC_BACH}.returner.1`;

/** The post's news of results sent to applicants: rows of the process-control slip, and a delivery ends the case. */
describe('workflow hears the post', () => {
  const running = useSuite('postal-delivery', ['workflow']);
  const { suite } = running;
  const db = running.db('workflow');

  /** A Trúc Bạch birth registration whose certificate the leader signed: its returner's step open at the desk. */
  const signedResult = async (): Promise<string> => {
    const dossier = aDossierAccepted({ receivingAgencyCode: TRUC_BACH, applicant: { fullName: 'Vũ Thị Mai', wardCode: '00004' } });
    await publishEvent(suite.prefix, dossier);
    const code = dossier.dossierCode;
    expect((await claimAndAct(running, code, TRUC_BACH, await running.anOfficer(TRUC_BACH, Role.Specialist), 'forward')).done.status).toBe(200);
    expect((await claimAndAct(running, code, TRUC_BACH, await running.anOfficer(TRUC_BACH, Role.Leader), 'sign')).done.status).toBe(200);
    await eventually(
      async () => (await db.query(`SELECT 1 FROM task WHERE dossier_code = $1 AND status = 'open' AND role = 'returner'`, [code])).rowCount || undefined,
      'the returner’s step',
    );
    return code;
  };

  /** The shipment carrying a dossier's result to the applicant, and its updates as the post tells them. */
  const shipmentOf = (dossierCode: string) => {
    const base = { shipmentId: randomUUID(), direction: 'outgoing' as const, dossierCode, waybill: 'EB123456785VN', agencyCode: TRUC_BACH };
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 2, minute)).toISOString();
    return {
      handedOver: (sequence: number, minute: number) =>
        event(ShipmentHandedOver, { ...base, state: 'picked_up', sequence, occurredAt: at(minute), actorId: RETURNER, actorName: 'Phạm Thu Trang' }),
      deliveryFailed: (sequence: number, minute: number, reason: string) =>
        event(ShipmentDeliveryFailed, { ...base, state: 'delivery_failed', sequence, occurredAt: at(minute), reason }),
      returned: (sequence: number, minute: number, reason: string) =>
        event(ShipmentReturned, { ...base, state: 'returned', sequence, occurredAt: at(minute), reason }),
      cancelled: (sequence: number, minute: number) =>
        event(ShipmentCancelled, { ...base, state: 'cancelled', sequence, occurredAt: at(minute), reason: null }),
      delivered: (sequence: number, minute: number) =>
        event(ShipmentDelivered, { ...base, state: 'delivered', sequence, occurredAt: at(minute), receivedBy: 'Nguyễn Văn An' }),
      at,
    };
  };

  /** Publishes each under a message id of its own and waits until workflow consumed them all (in any order). */
  const tell = async (...events: ShipmentEvent[]) => {
    const ids: string[] = [];
    for (const e of events) ids.push(await publishEvent(suite.prefix, e));
    await eventually(
      async () => ((await db.query(`SELECT 1 FROM inbox_message WHERE message_id = ANY($1)`, [ids])).rowCount === ids.length ? true : undefined),
      'the post’s news to be consumed',
    );
  };

  const slip = async (code: string): Promise<AnyJson> => {
    const answer = await callApi('GET', running.api('workflow')(`/dossiers/${code}/control-slip`), await running.anOfficer(TRUC_BACH, Role.Receiver));
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const postalRows = async (code: string) => ((await slip(code)).rows as AnyJson[]).filter((r) => r.kind === 'postal');
  const caseClosed = async (code: string) =>
    (await db.query<{ payload: AnyJson }>(`SELECT payload FROM outbox_message WHERE type = 'workflow.case.closed' AND payload->>'dossierCode' = $1`, [code]))
      .rows;

  it('writes the returner’s hand-over to the post, a failed delivery and the return to the desk on the slip, each once', async () => {
    const code = await signedResult();
    const post = shipmentOf(code);
    // the hand-over arrives twice (the post's relay crashed before marking it sent), and after the later news
    await tell(post.deliveryFailed(4, 30, 'Người nhận vắng nhà, đã hẹn phát lại'), post.returned(6, 50, 'Quá số lần phát, chuyển hoàn'));
    await tell(post.handedOver(2, 10), post.handedOver(2, 10));
    expect((await postalRows(code)).map((r) => [r.stepName, r.agencyCode, r.givenBy, r.givenByName, r.receivedByName, r.handedOverAt, r.note])).toEqual([
      [
        'Bộ phận Một cửa giao kết quả cho bưu điện',
        TRUC_BACH,
        RETURNER,
        'Phạm Thu Trang',
        'Bưu điện (vận đơn EB123456785VN)',
        '2026-12-03T09:10:00.000+07:00',
        null,
      ],
      [
        'Bưu điện phát kết quả không thành công',
        TRUC_BACH,
        'postal',
        'Bưu điện (vận đơn EB123456785VN)',
        'Vũ Thị Mai',
        '2026-12-03T09:30:00.000+07:00',
        'Người nhận vắng nhà, đã hẹn phát lại',
      ],
      [
        'Bưu điện chuyển hoàn kết quả về Bộ phận Một cửa',
        TRUC_BACH,
        'postal',
        'Bưu điện (vận đơn EB123456785VN)',
        'Ủy ban nhân dân phường Trúc Bạch',
        '2026-12-03T09:50:00.000+07:00',
        'Quá số lần phát, chuyển hoàn',
      ],
    ]);
    // the result is back at the desk: the returner's step is still open, the case too
    expect(await slip(code)).toMatchObject({ status: 'in_progress', nationalStatus: NationalStatus.Processed });
    expect(await caseClosed(code)).toEqual([]);
  });

  it('ends the case as returned (10) at the delivery time once, the delivery told twice and before the hand-over', async () => {
    const code = await signedResult();
    const post = shipmentOf(code);
    await tell(post.delivered(5, 40));
    await tell(post.handedOver(2, 10), post.delivered(5, 40));
    const closed = await caseClosed(code);
    expect(closed).toHaveLength(1);
    expect(closed[0].payload).toMatchObject({
      nationalStatus: NationalStatus.Returned,
      outcome: 'returned',
      occurredAt: post.at(40),
      actorId: 'postal',
      actorName: 'Bưu điện',
      note: 'Bưu điện đã phát kết quả cho người nhận (vận đơn EB123456785VN)',
      endedTask: expect.objectContaining({ stepNumber: 3, agencyCode: TRUC_BACH }),
    });
    const { rows } = await db.query(`SELECT status, outcome, closed_at FROM dossier_case WHERE dossier_code = $1`, [code]);
    expect(rows).toEqual([{ status: 'closed', outcome: 'returned', closed_at: new Date(post.at(40)) }]);
    const read = await slip(code);
    expect(read).toMatchObject({ status: 'closed', outcome: 'returned', nationalStatus: NationalStatus.Returned });
    // the returner's step ended by the post, then the post's own rows in the order things happened
    expect(read.rows.map((r: AnyJson) => [r.kind, r.stepName, r.completedByName, r.receivedByName])).toEqual([
      ['step', expect.any(String), expect.any(String), expect.any(String)],
      ['step', expect.any(String), expect.any(String), expect.any(String)],
      ['step', 'Bộ phận Một cửa trả kết quả', 'Bưu điện', null],
      ['postal', 'Bộ phận Một cửa giao kết quả cho bưu điện', null, 'Bưu điện (vận đơn EB123456785VN)'],
      ['postal', 'Bưu điện phát kết quả cho người nhận', null, 'Vũ Thị Mai'],
    ]);
    expect(read.rows[4].note).toBe('Người ký nhận: Nguyễn Văn An');
  });

  it('leaves a case the returner closed at the desk as it ended: a late delivery is only a row of the slip', async () => {
    const code = await signedResult();
    const post = shipmentOf(code);
    await tell(post.cancelled(2, 5));
    // the applicant came for the result: the returner hands it over at the desk
    expect((await claimAndAct(running, code, TRUC_BACH, await running.anOfficer(TRUC_BACH, Role.Returner), 'hand_over')).done.status).toBe(200);
    await tell(post.delivered(3, 40));
    const closed = await caseClosed(code);
    expect(closed.map((c) => [c.payload.actorId, c.payload.outcome])).toEqual([[RETURNER, 'returned']]);
    expect((await postalRows(code)).map((r) => [r.stepName, r.note])).toEqual([
      ['Hủy gửi kết quả qua bưu điện', 'Đã hủy gửi kết quả qua bưu điện'],
      ['Bưu điện phát kết quả cho người nhận', 'Người ký nhận: Nguyễn Văn An'],
    ]);
  });

  it('leaves a pick-up (a dossier the post collects for the desk) to intake', async () => {
    const code = await signedResult();
    const pickup = { ...shipmentOf(code).delivered(3, 20), direction: 'incoming' as const };
    await tell(event(ShipmentDelivered, pickup));
    expect(await postalRows(code)).toEqual([]);
    expect(await caseClosed(code)).toEqual([]);
  });
});
