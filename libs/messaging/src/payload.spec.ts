import { DossierAccepted, type EventClass, TaskCreated, TaskOwnerChanged } from '@motcua/contracts';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsString, Min, validateSync } from 'class-validator';
import { toValidEvent } from './payload';

/** What class-validator says of a payload: the rules the contract classes are written in. */
const byClassValidator = (cls: EventClass, payload: object) =>
  validateSync(plainToInstance(cls as new () => object, payload), { forbidUnknownValues: false }).length === 0;

const dossier = { dossierCode: '004.01.20.H26-261127-0001', nationalStatus: 4, sequence: 3, occurredAt: '2026-11-27T09:15:00+07:00' };
const ownerChanged = {
  ...dossier,
  taskId: '019ac3f2-1111-7000-8000-000000000001',
  stepNumber: 1,
  agencyCode: '004.01.20.H26',
  change: 'claimed',
  ownerId: '004.01.20.H26.specialist.1',
  previousOwnerId: null,
  actorId: '004.01.20.H26.specialist.1',
  coordinatorId: '004.01.20.H26.receiver.1',
};
const accepted = {
  ...dossier,
  nationalStatus: 2,
  procedureCode: '1.001193',
  channel: 2,
  receivingAgencyCode: '004.01.20.H26',
  coordinatorId: '004.01.20.H26.receiver.1',
  applicant: { fullName: 'Đặng Thu Trang', email: 'trang@example.vn', wardCode: '00004' },
  returnMethod: 'post',
  receivedAt: '2026-11-27T02:15:00.000Z',
};
const created = {
  ...dossier,
  taskId: ownerChanged.taskId,
  caseId: '019ac3f2-2222-7000-8000-000000000002',
  stepNumber: 2,
  stepName: 'Lãnh đạo ký',
  agencyCode: '004.01.20.H26',
  role: 'leader',
  processVersion: 1,
};

describe('checking an event against its contract', () => {
  const cases: [string, EventClass, object][] = [
    ['a claim', TaskOwnerChanged, ownerChanged],
    ['a release (no owner)', TaskOwnerChanged, { ...ownerChanged, change: 'released', ownerId: null }],
    ['an owner left out', TaskOwnerChanged, (({ ownerId: _, ...rest }) => rest)(ownerChanged)],
    ['a field a newer producer added', TaskOwnerChanged, { ...ownerChanged, addedLater: true }],
    ['a time in UTC', TaskOwnerChanged, { ...ownerChanged, occurredAt: '2026-11-27T02:15:00.000Z' }],
    ['a date without a time', TaskOwnerChanged, { ...ownerChanged, occurredAt: '2026-11-27' }],
    ['a time without an offset', TaskOwnerChanged, { ...ownerChanged, occurredAt: '2026-11-27T09:15:00' }],
    ['a day that does not exist', TaskOwnerChanged, { ...ownerChanged, occurredAt: '2026-02-30T09:15:00+07:00' }],
    ['a time that is no ISO 8601', TaskOwnerChanged, { ...ownerChanged, occurredAt: '27/11/2026' }],
    ['a uuid with braces', TaskOwnerChanged, { ...ownerChanged, taskId: `{${ownerChanged.taskId}}` }],
    ['a urn uuid', TaskOwnerChanged, { ...ownerChanged, taskId: `urn:uuid:${ownerChanged.taskId}` }],
    ['a national status of 0', TaskOwnerChanged, { ...ownerChanged, nationalStatus: 0 }],
    ['a sequence of 0', TaskOwnerChanged, { ...ownerChanged, sequence: 0 }],
    ['a sequence of 1.5', TaskOwnerChanged, { ...ownerChanged, sequence: 1.5 }],
    ['an actor missing', TaskOwnerChanged, (({ actorId: _, ...rest }) => rest)(ownerChanged)],
    ['an accepted dossier', DossierAccepted, accepted],
    ['an applicant with an email that is none', DossierAccepted, { ...accepted, applicant: { ...accepted.applicant, email: 'trang@' } }],
    ['an applicant with an unknown ward code', DossierAccepted, { ...accepted, applicant: { ...accepted.applicant, wardCode: '4' } }],
    ['an applicant that is no object', DossierAccepted, { ...accepted, applicant: 'Trang' }],
    ['a return method that does not exist', DossierAccepted, { ...accepted, returnMethod: 'pigeon' }],
    ['an appointment of null', DossierAccepted, { ...accepted, appointmentAt: null }],
    ['a task opened', TaskCreated, created],
    ['a step name over 200 characters', TaskCreated, { ...created, stepName: 'ư'.repeat(201) }],
    ['a step name of 200 Vietnamese characters', TaskCreated, { ...created, stepName: 'ư'.repeat(200) }],
    ['a coordinator of null', TaskCreated, { ...created, coordinatorId: null }],
  ];

  it.each(cases)('agrees with class-validator on %s', (_, cls, payload) => {
    const { problems } = toValidEvent(cls, payload);
    expect([problems.length === 0, problems]).toEqual([byClassValidator(cls, payload), expect.any(Array)]);
  });

  it('takes an enum by its values only, as the contract documents it (class-validator’s @IsEnum also lets the names through)', () => {
    const byName = { ...ownerChanged, nationalStatus: 'InProgress' };
    expect(byClassValidator(TaskOwnerChanged, byName)).toBe(true);
    expect(toValidEvent(TaskOwnerChanged, byName).problems).toEqual([
      'nationalStatus: must be integer',
      'nationalStatus: must be equal to one of the allowed values',
    ]);
  });

  it('names each problem by its path', () => {
    expect(
      toValidEvent(DossierAccepted, {
        ...accepted,
        applicant: { fullName: 'Trang', wardCode: '4' },
        channel: 9,
        receivingAgencyCode: undefined,
      }).problems.sort(),
    ).toEqual(['applicant.wardCode: must match pattern "^\\d{5}$"', 'channel: must be equal to one of the allowed values', 'receivingAgencyCode: is required']);
    expect(toValidEvent(TaskOwnerChanged, [ownerChanged]).problems).toEqual(['the payload is not a JSON object']);
  });

  it('returns the payload as an instance of its class, nested classes included', () => {
    const { event } = toValidEvent(DossierAccepted, accepted);
    expect(event).toBeInstanceOf(DossierAccepted);
    expect(event.applicant.constructor.name).toBe('Applicant');
  });

  it('checks a class defined after the first check (a test’s own event)', () => {
    class ParcelCounted {
      static readonly type = 'test.parcel.counted';
      static readonly version = 1;
      @IsString()
      code: string;

      @IsInt()
      @Min(1)
      count: number;
    }
    expect(toValidEvent(ParcelCounted, { code: 'P-1', count: 2 }).problems).toEqual([]);
    expect(toValidEvent(ParcelCounted, { code: 'P-1', count: 0 }).problems).toEqual(['count: must be >= 1']);
  });
});
