import { NationalStatus } from '@motcua/contracts';
import { type PostalFactKind, decidePostalFact, deliveredNote } from './postal-fact';

const atTheReturner = { caseStatus: 'in_progress', signedStep: 2 } as const;
const outgoing = (kind: PostalFactKind) => ({ direction: 'outgoing', kind }) as const;

describe('what the post’s news does to a case', () => {
  it('closes a case as returned (10) once the post delivered the signed result to the applicant', () => {
    expect(decidePostalFact(outgoing('delivered'), atTheReturner)).toEqual({ effect: 'close', nationalStatus: NationalStatus.Returned, outcome: 'returned' });
  });

  it.each<PostalFactKind>(['handed_over', 'delivery_failed', 'returned', 'cancelled'])(
    'only records a %s result on the slip: the result may still go out again or be collected at the desk',
    (kind) => {
      expect(decidePostalFact(outgoing(kind), atTheReturner)).toEqual({ effect: 'record', why: 'not_a_delivery' });
    },
  );

  it('leaves a case the returner already closed at the desk (after a return to sender) as it ended', () => {
    expect(decidePostalFact(outgoing('delivered'), { caseStatus: 'closed', signedStep: 2 })).toEqual({ effect: 'record', why: 'already_closed' });
  });

  it('closes nothing when the result was never signed, or the case waits for the applicant’s supplement', () => {
    expect(decidePostalFact(outgoing('delivered'), { caseStatus: 'in_progress', signedStep: null })).toEqual({ effect: 'record', why: 'result_not_signed' });
    expect(decidePostalFact(outgoing('delivered'), { caseStatus: 'awaiting_supplement', signedStep: 2 })).toEqual({
      effect: 'record',
      why: 'result_not_signed',
    });
  });

  it('ignores a pick-up (a dossier the post collects for the desk): intake receives it', () => {
    expect(decidePostalFact({ direction: 'incoming', kind: 'delivered' }, atTheReturner)).toEqual({ effect: 'ignore' });
  });

  it('names the waybill in the note of the closing', () => {
    expect(deliveredNote('EB123456785VN')).toBe('Bưu điện đã phát kết quả cho người nhận (vận đơn EB123456785VN)');
    expect(deliveredNote(null)).toBe('Bưu điện đã phát kết quả cho người nhận');
  });
});
