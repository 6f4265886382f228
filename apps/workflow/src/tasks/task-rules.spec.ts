import { NationalStatus } from '@motcua/contracts';
import { type Officer, type TaskState, decide, transition } from './task-rules';

const queued: TaskState = { status: 'open', ownerId: null, version: 3, role: 'specialist', signedStep: null };
const owned: TaskState = { ...queued, ownerId: 'lan' };
const officer = (id: string, rolesAtAgency: string[], active = true): Officer => ({ id, active, rolesAtAgency });
const lan = officer('lan', ['specialist']);
const minh = officer('minh', ['specialist']);
const head = officer('hoa', ['leader']);
const actions = ['forward', 'request_supplement', 'refuse', 'send_back'];

describe('who may change a task', () => {
  it('lets an active officer of the step’s role claim a queued task at its current version, and nobody else', () => {
    expect(decide(queued, { kind: 'claim' }, 3, lan, actions)).toBeNull();
    expect(decide(queued, { kind: 'claim' }, 2, lan, actions)).toMatchObject({ code: 'TASK.VERSION_CONFLICT', errors: [{ field: 'version' }] });
    expect(decide(owned, { kind: 'claim' }, 3, minh, actions)).toMatchObject({ code: 'TASK.ALREADY_OWNED' });
    expect(decide(queued, { kind: 'claim' }, 3, head, actions)).toMatchObject({ code: 'TASK.NOT_ELIGIBLE' });
    expect(decide(queued, { kind: 'claim' }, 3, officer('lan', ['specialist'], false), actions)).toMatchObject({ code: 'TASK.NOT_ELIGIBLE' });
    expect(decide(queued, { kind: 'claim' }, 3, undefined, actions)).toMatchObject({ code: 'TASK.NOT_ELIGIBLE' });
    expect(decide({ ...owned, status: 'done' }, { kind: 'claim' }, 3, lan, actions)).toMatchObject({ code: 'TASK.CLOSED' });
  });

  it('lets only the head assign or reassign, to an active officer of the role', () => {
    expect(decide(owned, { kind: 'assign', officerId: 'minh' }, 3, head, actions, minh)).toBeNull();
    expect(decide(owned, { kind: 'assign', officerId: 'minh' }, 3, lan, actions, minh)).toMatchObject({ code: 'TASK.NOT_HEAD' });
    expect(decide(owned, { kind: 'assign', officerId: 'hoa' }, 3, head, actions, head)).toMatchObject({
      code: 'TASK.ASSIGNEE_NOT_ELIGIBLE',
      errors: [{ field: 'officerId' }],
    });
    expect(decide(owned, { kind: 'assign', officerId: 'lan' }, 3, head, actions, lan)).toMatchObject({ code: 'TASK.ALREADY_OWNED' });
  });

  it('lets the owner or the head release an owned task', () => {
    expect(decide(owned, { kind: 'release' }, 3, lan, actions)).toBeNull();
    expect(decide(owned, { kind: 'release' }, 3, head, actions)).toBeNull();
    expect(decide(owned, { kind: 'release' }, 3, minh, actions)).toMatchObject({ code: 'TASK.NOT_OWNER' });
    expect(decide(queued, { kind: 'release' }, 3, head, actions)).toMatchObject({ code: 'TASK.NOT_OWNED' });
  });

  it('lets the owner act, move the appointment or release only while the step’s role is in force for them', () => {
    // the owner's token no longer gives the step's role (or the organisation took it away): the roles in force are none
    const narrowed = officer('lan', []);
    expect(decide(owned, { kind: 'act', action: 'forward' }, 3, narrowed, actions)).toMatchObject({ code: 'TASK.NOT_ELIGIBLE' });
    expect(decide(owned, { kind: 'extend', reason: 'x', newAppointmentAt: new Date() }, 3, narrowed, actions)).toMatchObject({ code: 'TASK.NOT_ELIGIBLE' });
    expect(decide(owned, { kind: 'release' }, 3, narrowed, actions)).toMatchObject({ code: 'TASK.NOT_ELIGIBLE' });
    expect(decide(owned, { kind: 'act', action: 'forward' }, 3, lan, actions)).toBeNull();
  });

  it('hands a result over only once it has been signed', () => {
    const returning = ['hand_over'];
    expect(decide({ ...owned, signedStep: 2 }, { kind: 'act', action: 'hand_over' }, 3, lan, returning)).toBeNull();
    expect(decide(owned, { kind: 'act', action: 'hand_over' }, 3, lan, returning)).toMatchObject({
      code: 'TASK.RESULT_NOT_SIGNED',
      errors: [{ field: 'action' }],
    });
  });

  it('lets only the owner act, with an action the step allows, and a reason to send back', () => {
    expect(decide(owned, { kind: 'act', action: 'forward' }, 3, lan, actions)).toBeNull();
    expect(decide(owned, { kind: 'act', action: 'forward' }, 3, head, actions)).toMatchObject({ code: 'TASK.NOT_OWNER' });
    expect(decide(queued, { kind: 'act', action: 'forward' }, 3, lan, actions)).toMatchObject({ code: 'TASK.NOT_OWNER' });
    expect(decide(owned, { kind: 'act', action: 'sign' }, 3, lan, actions)).toMatchObject({ code: 'TASK.ACTION_NOT_ALLOWED', errors: [{ field: 'action' }] });
    expect(decide(owned, { kind: 'act', action: 'send_back' }, 3, lan, actions)).toMatchObject({ code: 'TASK.REASON_REQUIRED', errors: [{ field: 'note' }] });
    expect(decide(owned, { kind: 'act', action: 'send_back', note: 'Thiếu giấy chứng sinh' }, 3, lan, actions)).toBeNull();
    expect(decide(owned, { kind: 'act', action: 'refuse' }, 3, lan, actions)).toMatchObject({ code: 'TASK.REASON_REQUIRED' });
    expect(decide(owned, { kind: 'act', action: 'request_supplement', note: 'Thiếu giấy tờ' }, 3, lan, actions)).toMatchObject({
      code: 'TASK.MISSING_LIST_REQUIRED',
      errors: [{ field: 'missing' }],
    });
    expect(
      decide(owned, { kind: 'act', action: 'request_supplement', note: 'Thiếu giấy tờ', missing: [{ name: 'Giấy chứng sinh' }] }, 3, lan, actions),
    ).toBeNull();
  });
});

describe('where an action takes the case', () => {
  it('moves forward, in progress until the result is signed, processed after, returned when handed over', () => {
    expect(transition('forward', 1, 3, null)).toEqual({ kind: 'step', stepNumber: 2, nationalStatus: NationalStatus.InProgress, signedStep: null });
    expect(transition('sign', 2, 3, null)).toEqual({ kind: 'step', stepNumber: 3, nationalStatus: NationalStatus.Processed, signedStep: 2 });
    expect(transition('hand_over', 3, 3, 2)).toEqual({ kind: 'closed', nationalStatus: NationalStatus.Returned, outcome: 'returned' });
  });

  it('waits for the applicant at the same step on a supplement request, and stops on a refusal', () => {
    expect(transition('request_supplement', 1, 3, null)).toEqual({ kind: 'waiting', stepNumber: 1, nationalStatus: NationalStatus.SupplementRequested });
    expect(transition('refuse', 1, 3, null)).toEqual({ kind: 'closed', nationalStatus: NationalStatus.Stopped, outcome: 'stopped' });
    expect(transition('stop', 2, 3, null)).toMatchObject({ kind: 'closed', nationalStatus: NationalStatus.Stopped });
  });

  it('sends back to the previous step; a result sent back to its signing step must be signed again', () => {
    expect(transition('send_back', 2, 3, null)).toEqual({ kind: 'step', stepNumber: 1, nationalStatus: NationalStatus.InProgress, signedStep: null });
    expect(transition('send_back', 3, 3, 2)).toEqual({ kind: 'step', stepNumber: 2, nationalStatus: NationalStatus.InProgress, signedStep: null });
    expect(transition('send_back', 4, 4, 2)).toEqual({ kind: 'step', stepNumber: 3, nationalStatus: NationalStatus.Processed, signedStep: 2 });
  });
});
