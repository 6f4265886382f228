import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import specs from '@asyncapi/specs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ASYNCAPI_FILE, asyncApiDocument, asyncApiJson } from './asyncapi';
import type { EventClass } from './event';
import { EVENT_CLASSES } from './registry';
import { DossierAccepted } from './dossier-events';
import { SupplementRequested, TaskOwnerChanged } from './task-events';

const document = asyncApiDocument('0.0.0') as {
  channels: Record<string, { address: string; messages: Record<string, unknown> }>;
  components: { messages: Record<string, { name: string; payload: { $ref: string }; 'x-event-version': number }>; schemas: Record<string, unknown> };
};

describe('the AsyncAPI document of the integration events', () => {
  it('is what the contract classes make (run `npm run asyncapi` after changing one)', () => {
    expect(readFileSync(join(__dirname, '..', '..', '..', ASYNCAPI_FILE), 'utf8')).toBe(asyncApiJson());
  });

  it('is a valid AsyncAPI 3.0.0 document, by the specification’s own JSON Schema', () => {
    // the specification's schema carries its own copy of the draft-07 meta-schema
    const specification = new Ajv({ strict: false, allErrors: true, meta: false, validateSchema: false });
    const valid = specification.validate(specs.schemas['3.0.0'], document);
    expect(specification.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has a channel, a message with its version and a payload schema for every event, addressed by its type', () => {
    expect(Object.keys(document.channels).sort()).toEqual([...EVENT_CLASSES.values()].map((cls) => cls.name).sort());
    for (const cls of EVENT_CLASSES.values()) {
      expect(document.channels[cls.name].address).toBe(cls.type);
      expect(document.components.messages[cls.name]).toMatchObject({ name: cls.type, 'x-event-version': cls.version });
      expect(document.components.messages[cls.name].payload).toEqual({ $ref: `#/components/schemas/${cls.name}` });
      expect(document.components.schemas[cls.name]).toMatchObject({ type: 'object', required: expect.arrayContaining([expect.any(String)]) });
    }
  });

  // What a consumer checks against the schema is what the producer's own check (class-validator) lets through.
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  ajv.addSchema(document, 'asyncapi');
  const bySchema = (cls: EventClass, payload: unknown) => ajv.validate({ $ref: `asyncapi#/components/schemas/${cls.name}` }, payload);
  const byClass = (cls: EventClass, payload: object) =>
    validateSync(plainToInstance(cls as new () => object, payload), { forbidUnknownValues: false }).length === 0;

  const dossier = { dossierCode: '004.01.20.H26-261127-0001', nationalStatus: 4, sequence: 3, occurredAt: '2026-11-27T09:15:00+07:00' };
  const samples: [EventClass, Record<string, unknown>][] = [
    [
      TaskOwnerChanged,
      {
        ...dossier,
        taskId: '019ac3f2-1111-7000-8000-000000000001',
        stepNumber: 1,
        agencyCode: '004.01.20.H26',
        change: 'released',
        ownerId: null,
        previousOwnerId: '004.01.20.H26.specialist.1',
        actorId: '004.01.20.H26.leader.1',
        coordinatorId: '004.01.20.H26.receiver.1',
      },
    ],
    [
      DossierAccepted,
      {
        ...dossier,
        nationalStatus: 2,
        procedureCode: '1.001193',
        channel: 1,
        receivingAgencyCode: '004.01.20.H26',
        coordinatorId: '004.01.20.H26.receiver.1',
        applicant: { fullName: 'Đặng Thu Trang', idNumber: '001090011111', wardCode: '00004' },
        returnMethod: 'desk',
        receivedAt: '2026-11-27T09:15:00+07:00',
        appointmentAt: '2026-12-01T16:30:00+07:00',
      },
    ],
    [
      SupplementRequested,
      {
        ...dossier,
        nationalStatus: 5,
        caseId: '019ac3f2-2222-7000-8000-000000000002',
        stepNumber: 2,
        agencyCode: '004.01.20.H26',
        requestedBy: '004.01.20.H26.specialist.1',
        reason: 'Thiếu giấy chứng sinh',
        missing: [{ name: 'Giấy chứng sinh' }],
        round: 1,
        coordinatorId: '004.01.20.H26.receiver.1',
      },
    ],
  ];

  it.each(samples.map(([cls, payload]) => [cls.type, cls, payload] as const))(
    'accepts %s as its producer sends it, with nulls, missing optional fields and fields it does not know',
    (_, cls, payload) => {
      for (const accepted of [payload, { ...payload, addedLater: 'a newer producer’s field' }]) {
        expect(byClass(cls, accepted)).toBe(true);
        expect(bySchema(cls, accepted)).toBe(true);
      }
    },
  );

  const wrong: [string, EventClass, (payload: Record<string, unknown>) => Record<string, unknown>][] = [
    ['without a required field', TaskOwnerChanged, ({ dossierCode: _, ...rest }) => rest],
    ['with a national status out of 1–10', TaskOwnerChanged, (p) => ({ ...p, nationalStatus: 11 })],
    ['with a national status as text', TaskOwnerChanged, (p) => ({ ...p, nationalStatus: '4' })],
    ['with a change it does not know', TaskOwnerChanged, (p) => ({ ...p, change: 'stolen' })],
    ['with an owner id over 100 characters', TaskOwnerChanged, (p) => ({ ...p, ownerId: 'x'.repeat(101) })],
    ['with a task id that is no uuid', TaskOwnerChanged, (p) => ({ ...p, taskId: 'task-1' })],
    ['with a required field null', TaskOwnerChanged, (p) => ({ ...p, actorId: null })],
    ['with a time that is no ISO 8601', DossierAccepted, (p) => ({ ...p, receivedAt: 'hôm qua' })],
    ['with a channel it does not know', DossierAccepted, (p) => ({ ...p, channel: 4 })],
    ['with an applicant without a name', DossierAccepted, (p) => ({ ...p, applicant: { wardCode: '00004' } })],
    ['with a ward code that is not five digits', DossierAccepted, (p) => ({ ...p, applicant: { fullName: 'Trang', wardCode: '4' } })],
    ['with nothing missing', SupplementRequested, (p) => ({ ...p, missing: [] })],
    ['with a missing document without a name', SupplementRequested, (p) => ({ ...p, missing: [{ code: 'GCS' }] })],
  ];

  it.each(wrong)('refuses an event %s, as the producer does', (_, cls, mutate) => {
    const payload = mutate(samples.find(([sampled]) => sampled === cls)![1]);
    expect(byClass(cls, payload)).toBe(false);
    expect(bySchema(cls, payload)).toBe(false);
  });
});
