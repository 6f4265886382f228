import { Expose, Transform, Type, plainToInstance } from 'class-transformer';
import { IsEnum, IsIn, IsObject, IsString, Matches, MaxLength, validateSync } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import fc from 'fast-check';
import { SubmitDossierRequest } from '../../../apps/intake/src/dossiers/submit-dossier.request';
import { SupplyDocumentsRequest } from '../../../apps/intake/src/dossiers/supply-documents.request';
import { FileSubmissionRequest, RefuseSubmissionRequest } from '../../../apps/intake/src/submissions/online-submission.requests';
import { PreviewTemplateRequest } from '../../../apps/notification/src/notifications/templates/preview-template.request';
import { SmsDeliveryReportRequest } from '../../../apps/notification/src/sms/sms-delivery-report.request';
import { CreateWebhookSubscriptionRequest } from '../../../apps/notification/src/webhooks/webhook-subscription.request';
import { CarrierCallbackRequest } from '../../../apps/postal-delivery/src/carrier/carrier-callback.request';
import { RequestPickupRequest } from '../../../apps/postal-delivery/src/pickups/request-pickup.request';
import { ShipmentNoteRequest } from '../../../apps/postal-delivery/src/shipments/shipment.requests';
import { ChangeCoordinatorRequest, WithdrawRequest } from '../../../apps/workflow/src/cases/case-command.requests';
import { OfficeHoursRequest } from '../../../apps/workflow/src/catalogue/agency-office-hours';
import { PublishProcessVersionRequest } from '../../../apps/workflow/src/catalogue/publish-process-version.request';
import { OfficerStatusRequest } from '../../../apps/workflow/src/staff/staff.controller';
import { ActOnTaskRequest, AssignTaskRequest, ExtendAppointmentRequest, TaskVersionRequest } from '../../../apps/workflow/src/tasks/task-command.requests';
import { compiledBodyCheck } from './request-schema';

/**
 * The compiled check is a fast path in front of class-validator (validation.ts): a body it passes is accepted without
 * class-validator. So it must never pass a body class-validator refuses. These tests hold it to that for every
 * request body of the suite (each class taken as `@Body()` by a controller; national-portal takes none, and
 * calendar's publish takes `unknown`), on bodies that are almost valid: one mutation away from a real one.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const APPLICANT = {
  fullName: 'Nguyễn Thị Lan',
  idNumber: '001190012345',
  phone: '0912345678',
  email: 'lan.nguyen@example.vn',
  address: 'Số 12 phố Phó Đức Chính, phường Trúc Bạch, quận Ba Đình, Hà Nội',
  wardCode: '00004',
};
const POSTAL_ADDRESS = { recipient: 'Nguyễn Thị Lan', phone: '0912345678', street: 'Số 12 phố Phó Đức Chính', wardCode: '00004' };

/** Each body class of the suite with a body class-validator accepts. */
const BODIES: ReadonlyArray<{ cls: Function; valid: Json }> = [
  {
    cls: SubmitDossierRequest,
    valid: {
      procedureCode: '1.001193',
      receivingAgencyCode: '001.04.01.H26',
      channel: 1,
      applicant: APPLICANT,
      documents: [
        { name: 'Tờ khai đăng ký khai sinh', code: 'TK-KS', copies: 1 },
        { name: 'Giấy chứng sinh', copies: 100 },
      ],
      returnMethod: 'post',
      deliveryAddress: POSTAL_ADDRESS,
      pickupWaybill: 'EB123456789VN',
    },
  },
  {
    cls: SupplyDocumentsRequest,
    valid: { documents: [{ name: 'Giấy chứng sinh bản chính', code: 'GCS', copies: 2 }], note: 'Bổ sung giấy chứng sinh bản chính' },
  },
  {
    cls: FileSubmissionRequest,
    valid: {
      portalReference: 'G22.99-261207-000123',
      procedureCode: '1.001193',
      receivingAgencyCode: '004.01.20.H26',
      applicant: APPLICANT,
      documents: [
        {
          code: 'TK-KS',
          name: 'Tờ khai đăng ký khai sinh',
          url: 'https://dichvucong.gov.vn/files/G22.99-261207-000123/tk-ks.pdf',
          checksum: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        },
      ],
      filedAt: '2026-12-07T18:05:00+07:00',
      returnMethod: 'post',
      deliveryAddress: POSTAL_ADDRESS,
    },
  },
  {
    cls: RefuseSubmissionRequest,
    valid: { outcome: 'incomplete', reason: 'Thiếu giấy chứng sinh bản chính', missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }] },
  },
  {
    cls: SmsDeliveryReportRequest,
    valid: {
      requestId: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d',
      messageId: 'SIM-000042',
      status: 'FAILED',
      at: '2026-12-07T09:05:12+07:00',
      errorCode: 'ABSENT_SUBSCRIBER',
    },
  },
  { cls: PreviewTemplateRequest, valid: { values: { dossierCode: '000.00.01.H26-261126-0001', applicantName: 'Nguyễn Thị Hoa' } } },
  {
    cls: CreateWebhookSubscriptionRequest,
    valid: { agencyCode: '000.00.01.H26', url: 'https://doi-tac.example.vn/motcua/webhook', events: ['dossier.received', 'dossier.completed'] },
  },
  { cls: ShipmentNoteRequest, valid: { note: 'Đã ký phiếu bàn giao với bưu tá Trần Văn Minh' } },
  {
    cls: RequestPickupRequest,
    valid: {
      procedureCode: '1.001193',
      agencyCode: '000.00.04.H26',
      address: POSTAL_ADDRESS,
      windowStart: '2026-12-08T08:00:00+07:00',
      windowEnd: '2026-12-08T11:00:00+07:00',
      note: 'Gọi trước khi đến',
    },
  },
  {
    cls: CarrierCallbackRequest,
    valid: {
      EventId: 'EB000000001VN-3',
      ItemCode: 'EB000000001VN',
      OrderNumber: '000.00.04.H26-261207-0001',
      Status: 'PICKUP_INCOMPLETE',
      EventTime: '2026-12-09T10:15:00+07:00',
      Note: 'Thiếu giấy tờ',
      ReceiverName: 'Nguyễn Thị Lan',
      MissingDocuments: [{ Code: 'TK-KS', Name: 'Tờ khai đăng ký khai sinh' }],
    },
  },
  { cls: WithdrawRequest, valid: { version: 4, reason: 'Người nộp hồ sơ có đơn xin rút hồ sơ ngày 26/11/2026' } },
  { cls: ChangeCoordinatorRequest, valid: { version: 4, officerId: '004.01.20.H26.receiver.2' } },
  { cls: TaskVersionRequest, valid: { version: 1 } },
  { cls: AssignTaskRequest, valid: { version: 1, officerId: '004.01.20.H26.specialist.2' } },
  {
    cls: ActOnTaskRequest,
    valid: { version: 2, action: 'request_supplement', note: 'Thiếu chữ ký của người đi đăng ký', missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }] },
  },
  {
    cls: ExtendAppointmentRequest,
    valid: { version: 3, reason: 'Hồ sơ cần xác minh thêm tại cơ sở y tế nơi sinh', newAppointmentAt: '2026-12-09T17:00:00+07:00' },
  },
  { cls: OfficerStatusRequest, valid: { status: 'on_leave' } },
  { cls: OfficeHoursRequest, valid: { officeHours: [{ start: '07:30', end: '11:30' }] } },
  { cls: PublishProcessVersionRequest, valid: { steps: [{ number: 1, name: 'Tiếp nhận', role: 'receiver', budgetHours: 4, actions: ['forward'] }] } },
];

function classValidatorErrors(cls: Function, body: unknown): string[] {
  const errors = validateSync(plainToInstance(cls as new () => object, body) as object, { whitelist: true, forbidNonWhitelisted: true });
  return errors.map((error) => JSON.stringify({ property: error.property, constraints: error.constraints, children: error.children?.length }));
}

/** The safety property: fails with the body and class-validator's errors when the compiled check passes a body class-validator refuses. */
function assertSafe(cls: Function, body: unknown): boolean {
  const check = compiledBodyCheck(cls);
  if (!check?.(body)) return false;
  const errors = classValidatorErrors(cls, body);
  if (errors.length > 0) throw new Error(`${cls.name}: the compiled check passed ${JSON.stringify(body)} which class-validator refuses: ${errors.join('; ')}`);
  return true;
}

describe('compiledBodyCheck', () => {
  it('compiles every body class whose rules it can state exactly (SubmitDossierRequest among them)', () => {
    const compiled = BODIES.filter(({ cls }) => compiledBodyCheck(cls) !== null).map(({ cls }) => cls.name);
    console.log(
      `compiled: ${compiled.join(', ')}\nnot compiled: ${BODIES.filter(({ cls }) => !compiled.includes(cls.name))
        .map(({ cls }) => cls.name)
        .join(', ')}`,
    );
    expect(compiled).toEqual([
      'SubmitDossierRequest',
      'SupplyDocumentsRequest',
      'RefuseSubmissionRequest',
      'CreateWebhookSubscriptionRequest',
      'ShipmentNoteRequest',
      'WithdrawRequest',
      'ChangeCoordinatorRequest',
      'TaskVersionRequest',
      'AssignTaskRequest',
      'ActOnTaskRequest',
      'ExtendAppointmentRequest',
      'OfficerStatusRequest',
    ]);
  });

  it.each(BODIES.map((b) => [b.cls.name, b] as const))(
    '%s: the valid example is valid to class-validator and to its compiled check',
    (_name, { cls, valid }) => {
      expect(classValidatorErrors(cls, valid)).toEqual([]);
      const check = compiledBodyCheck(cls);
      if (check) expect(check(valid)).toBe(true);
    },
  );
});

/** A path to a node of a JSON value: the keys and indexes from the root. */
type Path = Array<string | number>;

function pathsOf(value: Json, path: Path = []): Path[] {
  const own = [path];
  if (Array.isArray(value)) return own.concat(value.flatMap((item, index) => pathsOf(item, [...path, index])));
  if (value !== null && typeof value === 'object') return own.concat(Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key])));
  return own;
}

function at(value: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], value);
}

/** `value` with the node at `path` replaced by `replace(node)` (`undefined`: removed). */
function withNode(value: Json, path: Path, replace: (node: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(value) ?? null;
  const copy = structuredClone(value) as Record<string | number, Json>;
  const parent = at(copy as Json, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1];
  const next = replace(parent[key]);
  if (next !== undefined) Object.defineProperty(parent, key, { value: next, enumerable: true, writable: true, configurable: true });
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
  return copy as Json;
}

/** Values that sit on or next to an edge of some rule of the suite. */
const LIMITS = [1, 2, 5, 6, 9, 13, 15, 20, 21, 35, 36, 40, 41, 50, 51, 60, 64, 65, 100, 101, 200, 201, 300, 301, 500, 501, 2000, 2001, 4000, 4001];
const EMOJI = ['😀', '❤️', '👨‍👩‍👧', '\uFE0F', '\uFE0E', '🇻🇳', '\u200B', '\u2060', '\uFEFF', '\u00A0', '\u3000'];
const interestingString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '   ', '\t', '\n', '\u200B', '\uFEFF', '\u00AD', '\uFE0F', '\uFE0F\uFE0F', ' \u200B ', '\r\n'),
  fc.constantFrom(
    '00004',
    '0004',
    '000045',
    '1.001193',
    '1.00119',
    '001.04.01.H26',
    '001.04.01.h26',
    'EB123456789VN',
    'eb123456789vn',
    '0912345678',
    '+84912345678',
    '+8491234567890',
    '07:30',
    '7:30',
    '99:99',
  ),
  fc.constantFrom(
    'desk',
    'post',
    'electronic',
    'Desk',
    'refused',
    'incomplete',
    'active',
    'on_leave',
    'forward',
    'FAILED',
    '1',
    '3',
    'true',
    'null',
    'constructor',
  ),
  fc.constantFrom('lan@example.vn', 'lan@@example.vn', 'lan@localhost', 'a@b.c', '"a b"@example.vn', 'lan.nguyen@example.vn\n'),
  fc.constantFrom(
    '2026-12-07T18:05:00+07:00',
    '2026-12-07T18:05:00',
    '2026-12-07',
    '2101-01-01T00:00:00+07:00',
    '1999-12-31T23:59:59Z',
    '2026-02-30T10:00:00Z',
  ),
  fc.tuple(fc.constantFrom(...LIMITS), fc.constantFrom('a', 'ệ', '0', 'A', ' ', ...EMOJI)).map(([length, char]) => char.repeat(length)),
  fc.tuple(fc.constantFrom(...LIMITS), fc.constantFrom(...EMOJI)).map(([length, emoji]) => 'x'.repeat(Math.max(0, length - 1)) + emoji),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const interestingNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, 2, 3, -1, 0.5, 1.5, 99.9, 100, 101, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 1e21, -1e21, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const interestingValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: interestingString },
  { weight: 2, arbitrary: interestingNumber },
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, true, false, [], {}, [{}], [null], [[]], { '': 1 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
);
const unknownKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('extra', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '', ' ', 'id', 'Code', 'fullname', 'name ', '0', 'length'),
  fc.string({ maxLength: 6 }),
);

/** One mutation of a JSON value: the operation and the node it applies to are both drawn. */
function mutation(value: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(value);
  const edit = (path: Path): fc.Arbitrary<Json> => {
    const node = at(value, path);
    const ops: Array<fc.Arbitrary<Json>> = [
      fc.constant(withNode(value, path, () => undefined)), // drop the field, the item
      interestingValue.map((replacement) => withNode(value, path, () => replacement)),
      fc.constant(withNode(value, path, (n) => [n])), // wrapped in an array
      fc.constantFrom(...paths).map((other) => withNode(value, path, () => structuredClone(at(value, other)))), // another field's value
    ];
    if (typeof node === 'string') {
      ops.push(
        fc
          .tuple(fc.constantFrom(...EMOJI, ' ', '\n', 'A', 'a', '0', '.', '-', '\u0301'), fc.boolean(), fc.integer({ min: 1, max: 3 }))
          .map(([extra, front, times]) => withNode(value, path, (n) => (front ? extra.repeat(times) + n : n + extra.repeat(times)))),
        fc.constantFrom(...LIMITS).map((length) => withNode(value, path, (n) => (n as string).padEnd(length, (n as string) || 'a'))),
        fc.constantFrom(...LIMITS).map((length) => withNode(value, path, (n) => (n as string).padEnd(length, '❤️'))),
        fc.constant(withNode(value, path, (n) => (n as string).toUpperCase())),
        fc.constant(withNode(value, path, (n) => (n as string).toLowerCase())),
        fc.constant(withNode(value, path, (n) => (n as string).slice(1))),
        fc.constant(withNode(value, path, (n) => (n as string).slice(0, -1))),
      );
    }
    if (typeof node === 'number') ops.push(fc.constantFrom(-1, 1, 0.5, -0.5, 2 ** 31).map((delta) => withNode(value, path, (n) => (n as number) + delta)));
    if (Array.isArray(node)) {
      ops.push(
        fc.constant(withNode(value, path, (n) => [...(n as Json[]), ...(n as Json[])])),
        fc
          .constantFrom(0, 1, 24, 25, 49, 50, 51, 99, 100, 101)
          .map((size) =>
            withNode(value, path, (n) => Array.from({ length: size }, (_, i) => structuredClone((n as Json[])[i % Math.max(1, (n as Json[]).length)] ?? null))),
          ),
        interestingValue.map((item) => withNode(value, path, (n) => [...(n as Json[]), item])),
      );
    }
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      ops.push(
        fc
          .tuple(unknownKey, interestingValue)
          .map(([key, extra]) => withNode(value, path, (n) => Object.assign(structuredClone(n as object), { [key]: extra }) as Json)),
        fc.constant(withNode(value, path, (n) => Object.values(n as object) as Json)), // the object as an array
        fc.constant(withNode(value, path, () => ({}))),
      );
    }
    return fc.oneof(...ops);
  };
  return fc.constantFrom(...paths).chain(edit);
}

/** A valid body after one to four mutations. */
function nearlyValid(valid: Json): fc.Arbitrary<Json> {
  const step = (value: Json, left: number): fc.Arbitrary<Json> =>
    left === 0 ? fc.constant(value) : mutation(value).chain((next) => fc.oneof(fc.constant(next), step(next, left - 1)));
  return fc.integer({ min: 1, max: 4 }).chain((times) => step(valid, times));
}

/** Objects of the class's own field names (at every depth) with values of any kind, nested valid parts among them. */
function shapedAnything(valid: Json): fc.Arbitrary<Json> {
  const keys = [...new Set(pathsOf(valid).flatMap((path) => path.filter((key): key is string => typeof key === 'string')))];
  const parts = pathsOf(valid).map((path) => at(valid, path));
  const leaf = fc.oneof(interestingValue, fc.constantFrom(...parts));
  const { tree } = fc.letrec<{ tree: Json }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.dictionary(fc.oneof(fc.constantFrom(...keys), unknownKey), tie('tree'), { maxKeys: 6 }),
      fc.array(tie('tree'), { maxLength: 3 }),
    ),
  }));
  return fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: unknownKey }), tree, {
    maxKeys: keys.length + 1,
  }) as fc.Arbitrary<Json>;
}

const RUNS = 2000;

describe('a body the compiled check passes, class-validator passes', () => {
  const compiled = BODIES.filter(({ cls }) => compiledBodyCheck(cls) !== null);

  it.each(compiled.map((b) => [b.cls.name, b] as const))(
    '%s: almost valid bodies',
    (_name, { cls, valid }) => {
      let passed = 0;
      fc.assert(
        fc.property(nearlyValid(valid), (body) => {
          if (assertSafe(cls, body)) passed++;
        }),
        { numRuns: RUNS },
      );
      // the mutations keep enough bodies valid for the property to say something about bodies the check passes
      expect(passed).toBeGreaterThan(RUNS / 50);
    },
    120_000,
  );

  it.each(compiled.map((b) => [b.cls.name, b] as const))(
    '%s: anything, shaped like it or not',
    (_name, { cls, valid }) => {
      fc.assert(
        fc.property(fc.oneof(shapedAnything(valid), fc.jsonValue() as fc.Arbitrary<Json>), (body) => {
          assertSafe(cls, body);
        }),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});

describe('the compiled check of SubmitDossierRequest', () => {
  const check = compiledBodyCheck(SubmitDossierRequest)!;
  const valid = BODIES.find((b) => b.cls === SubmitDossierRequest)!.valid as Record<string, Json>;
  const without = (key: string) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

  it('passes a valid body, with and without its optional fields', () => {
    expect(check(valid)).toBe(true);
    const { deliveryAddress: _d, pickupWaybill: _p, ...required } = valid;
    expect(check({ ...required, returnMethod: 'desk', applicant: { fullName: 'Lan', wardCode: '00004' } })).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a missing applicant', without('applicant')],
    ['a missing procedure code', without('procedureCode')],
    ['an unknown top-level property', { ...valid, priority: 'high' }],
    ['an unknown property of the applicant', { ...valid, applicant: { ...APPLICANT, nickname: 'Lan' } }],
    ['an unknown property of a document', { ...valid, documents: [{ name: 'Tờ khai', pages: 2 }] }],
    ['an unknown property of the delivery address', { ...valid, deliveryAddress: { ...POSTAL_ADDRESS, floor: 2 } }],
    ['channel 2 (online: not taken at the desk)', { ...valid, channel: 2 }],
    ['a channel given as text', { ...valid, channel: '1' }],
    ['no documents', { ...valid, documents: [] }],
    ['101 documents', { ...valid, documents: Array.from({ length: 101 }, () => ({ name: 'Tờ khai' })) }],
    ['a document that is not an object', { ...valid, documents: ['Tờ khai'] }],
    ['documents as an object', { ...valid, documents: { name: 'Tờ khai' } }],
    ['an applicant given as an array', { ...valid, applicant: [APPLICANT] }],
    ['a null applicant', { ...valid, applicant: null }],
    ['a blank name', { ...valid, applicant: { ...APPLICANT, fullName: ' \u200B ' } }],
    ['a name of 201 characters', { ...valid, applicant: { ...APPLICANT, fullName: 'a'.repeat(201) } }],
    ['0 copies', { ...valid, documents: [{ name: 'Tờ khai', copies: 0 }] }],
    ['1.5 copies', { ...valid, documents: [{ name: 'Tờ khai', copies: 1.5 }] }],
    ['101 copies', { ...valid, documents: [{ name: 'Tờ khai', copies: 101 }] }],
    ['an unknown return method', { ...valid, returnMethod: 'drone' }],
    ['a ward code of four digits', { ...valid, applicant: { ...APPLICANT, wardCode: '0004' } }],
    ['a lowercase waybill', { ...valid, pickupWaybill: 'eb123456789vn' }],
    ['an e-mail that is not one', { ...valid, applicant: { ...APPLICANT, email: 'lan@' } }],
    // null where the field is optional: class-validator would take it (`@IsOptional`), the compiled check leaves it to class-validator
    ['a null optional field', { ...valid, pickupWaybill: null }],
  ])('refuses %s', (_what, body) => {
    expect(check(body)).toBe(false);
  });
});

/**
 * Counterexamples the property tests found, and rules the compiled check could not state exactly: each now leaves
 * its class to class-validator (no compiled check) or is refused by the check.
 */
describe('regressions', () => {
  it('PublishProcessVersionRequest is not compiled: {"steps":[{"constructor":"a"}]} passed `items: {}`, then class-transformer threw', () => {
    const body = { steps: [{ constructor: 'a' }] };
    expect(compiledBodyCheck(PublishProcessVersionRequest)).toBeNull();
    expect(() => plainToInstance(PublishProcessVersionRequest, body)).toThrow(TypeError);
    expect(assertSafe(PublishProcessVersionRequest, body)).toBe(false);
  });

  it('SubmitDossierRequest is compiled (`@IsEnum` is stated exactly, as the values `isEnum` compares with)', () => {
    expect(compiledBodyCheck(SubmitDossierRequest)).not.toBeNull();
  });

  class TextPattern {
    @Matches('^\\d{5}$')
    wardCode: string;
  }
  class UnicodePattern {
    @Matches(/^\p{L}+$/u)
    name: string;
  }
  class StickyPattern {
    @Matches(/a/y)
    code: string;
  }
  class MixedIn {
    @IsIn(['a', 1])
    value: string | number;
  }
  class InAndEnum {
    @IsIn(['a', 'b'])
    @IsEnum({ C: 'c' })
    value: string;
  }
  class Padded {
    @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.padEnd(5, '.') : value))
    @IsString()
    @MaxLength(3)
    code: string;
  }
  class Renamed {
    @Expose({ name: 'ward_code' })
    @IsString()
    wardCode: string;
  }
  class Documented {
    @JSONSchema({ type: ['string', 'null'] })
    @IsString()
    note: string;
  }
  class FreeObject {
    @IsObject()
    meta: object;
  }
  class Inner {
    @IsString()
    name: string;
  }
  class NotNested {
    @Type(() => Inner)
    @IsObject()
    inner: Inner;
  }

  /** class-validator's answer, a crash of class-transformer counting as a refusal. */
  const refused = (cls: Function, body: unknown) => {
    try {
      return classValidatorErrors(cls, body).length > 0;
    } catch {
      return true;
    }
  };

  // each with a body the class's schema would pass and class-validator refuses, or null where not compiling is only prudence
  it.each<[string, Function, unknown]>([
    ['a pattern given as text (no `source`: no pattern in the schema)', TextPattern, { wardCode: 'x' }],
    ['a pattern with the u flag (\\p{L} would run as "p{L}")', UnicodePattern, { name: 'p{L}' }],
    ['a sticky pattern (class-validator matches from its lastIndex)', StickyPattern, { code: 'ba' }],
    ['@IsIn over values of two types (the converter writes nothing)', MixedIn, { value: 'anything' }],
    ['@IsIn with @IsEnum (lodash merges the two enum lists)', InAndEnum, { value: 'c' }],
    ['@Transform (class-validator sees another value)', Padded, { code: 'abc' }],
    ['@Expose with a name (class-validator sees another key)', Renamed, null],
    ['@JSONSchema (rewrites the generated schema)', Documented, { note: null }],
    ['a free-form object', FreeObject, { meta: { constructor: 'a' } }],
    ['@Type without @ValidateNested', NotNested, null],
  ])('does not compile a class with %s', (_what, cls, body) => {
    expect(compiledBodyCheck(cls)).toBeNull();
    if (body !== null) expect(refused(cls, body)).toBe(true);
  });

  enum Numeric {
    One = 1,
    Two = 2,
  }
  class WithNumericEnum {
    @IsEnum(Numeric)
    value: Numeric;
  }

  it('states a numeric enum as isEnum sees it (its values and the reverse mapping), no more', () => {
    const check = compiledBodyCheck(WithNumericEnum)!;
    for (const value of [1, 2, 'One', 'Two', 3, '1', 'Three', null, 1.5]) {
      expect([value, check({ value })]).toEqual([value, classValidatorErrors(WithNumericEnum, { value }).length === 0]);
    }
  });

  it('counts a variation selector in a length, as class-validator does not: stricter', () => {
    const check = compiledBodyCheck(AssignTaskRequest)!;
    const body = { version: 1, officerId: `${'a'.repeat(99)}❤️` }; // 101 code points, 100 to class-validator
    expect(classValidatorErrors(AssignTaskRequest, body)).toEqual([]);
    expect(check(body)).toBe(false);
  });
});
