import { plainToInstance } from 'class-transformer';
import { aDossierAccepted } from '@motcua/testing';
import { CatalogueAgency, CatalogueOfficePeriod, CatalogueSnapshot } from './catalogue-events';
import { Applicant, DocumentItem, DossierAccepted, PostalAddress, ReceivedDocument } from './dossier-events';
import { instanceOf } from './instance-of';
import { SupplementRequested } from './task-events';

/** As it travels: parsed JSON, with what a newer producer might add and what no copy may carry. */
const travelled = (value: object, extra = ''): Record<string, unknown> => JSON.parse(`${JSON.stringify(value).slice(0, -1)}${extra}}`);

describe('instanceOf: what class-transformer makes of a payload, made from a plan per class', () => {
  it.each([
    [
      'an acceptance, with nested classes, arrays of them, a field a newer producer added and a free-form one',
      DossierAccepted,
      travelled(
        aDossierAccepted({ documents: [{ code: 'TK', name: 'Tờ khai', copies: 1 }], deliveryAddress: { street: '1 Tràng Tiền', wardCode: '00070' } } as never),
        ',"addedLater":{"deep":[{"x":1},2,null]}',
      ),
    ],
    [
      'a supplement request, with items in an array',
      SupplementRequested,
      travelled({ dossierCode: 'X', missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }, { name: 'Bản sao CCCD' }], round: 1 }),
    ],
    [
      'a snapshot, with nested classes two levels down and null where a class could be',
      CatalogueSnapshot,
      travelled({
        revision: 3,
        areas: [],
        agencies: [
          { code: 'A', officeHours: [{ days: [1, 2], from: '07:30', to: '11:30' }] },
          { code: 'B', officeHours: null },
        ],
      }),
    ],
  ])('%s', (_, cls, plain) => {
    const made = instanceOf(cls as new () => object, plain);
    expect(made).toStrictEqual(plainToInstance(cls as new () => object, plain));
    expect(Object.getPrototypeOf(made)).toBe((cls as Function).prototype);
  });

  it('never copies `__proto__` or `constructor`, at any depth (where class-transformer throws on a free-form one)', () => {
    const plain = JSON.parse(
      '{"dossierCode":"X","__proto__":{"polluted":true},"constructor":1,"applicant":{"fullName":"Lê Văn Tám","__proto__":{"x":1}},"free":{"constructor":{"a":1},"b":{"__proto__":2}}}',
    );
    const made = instanceOf(DossierAccepted, plain) as DossierAccepted & Record<string, unknown>;
    expect(Object.getPrototypeOf(made)).toBe(DossierAccepted.prototype);
    expect(Object.getPrototypeOf(made.applicant)).toBe(Applicant.prototype);
    expect(made.constructor).toBe(DossierAccepted);
    expect(made.applicant.fullName).toBe('Lê Văn Tám');
    expect(made.free).toEqual({ b: {} });
    expect(Object.keys(made.free as object)).toEqual(['b']);
  });

  it('leaves a method and a getter of the class alone, as class-transformer does', () => {
    class WithBehaviour {
      code = '';
      label(): string {
        return `#${this.code}`;
      }
      get shown(): string {
        return this.code.toUpperCase();
      }
    }
    const plain = travelled({ code: 'a', label: 'x', shown: 'y', extra: 1 });
    const made = instanceOf(WithBehaviour, plain);
    expect(made).toStrictEqual(plainToInstance(WithBehaviour, plain));
    expect(made.label()).toBe('#a');
    expect(made.shown).toBe('A');
  });

  it('makes the nested classes the `@Type`s name', () => {
    const accepted = instanceOf(
      DossierAccepted,
      travelled(aDossierAccepted({ documents: [{ code: 'TK', name: 'Tờ khai', copies: 1 }], deliveryAddress: { street: 'x', wardCode: '00070' } } as never)),
    );
    expect(accepted.applicant).toBeInstanceOf(Applicant);
    expect(accepted.documents?.[0]).toBeInstanceOf(ReceivedDocument);
    const snapshot = instanceOf(CatalogueSnapshot, travelled({ agencies: [{ code: 'A', officeHours: [{ days: [1] }] }] }));
    expect(snapshot.agencies[0]).toBeInstanceOf(CatalogueAgency);
    expect(snapshot.agencies[0].officeHours?.[0]).toBeInstanceOf(CatalogueOfficePeriod);
    expect(instanceOf(SupplementRequested, travelled({ missing: [{ name: 'x' }] })).missing[0]).toBeInstanceOf(DocumentItem);
    expect(accepted.deliveryAddress).toBeInstanceOf(PostalAddress);
  });
});
