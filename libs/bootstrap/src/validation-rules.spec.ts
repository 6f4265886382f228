import { IsInt, IsString, Min, ValidateNested, getMetadataStorage, validateSync } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { rememberValidationRules } from './validation-rules';

class Party {
  @IsString()
  name!: string;
}

class Filing extends Party {
  @IsInt()
  @Min(1)
  copies!: number;

  @IsInt({ groups: ['strict'] })
  pages!: number;

  @ValidateNested()
  @Type(() => Party)
  applicant!: Party;
}

const problems = (plain: object, groups?: string[]) =>
  validateSync(plainToInstance(Filing, plain), { groups })
    .flatMap((e) => [e.property, ...(e.children ?? []).map((c) => `${e.property}.${c.property}`)])
    .sort();

describe('validation rules remembered per class', () => {
  const bad = { name: 7, copies: 0, pages: 'many', applicant: { name: 8 } };
  const good = { name: 'Nguyễn Văn An', copies: 2, pages: 3, applicant: { name: 'Trần Thị Bình' } };
  const before = { plain: problems(bad), strict: problems(bad, ['strict']), good: problems(good) };

  beforeAll(() => rememberValidationRules());

  it('validates exactly as before: own and inherited rules, nested objects, groups', () => {
    expect(before.plain).toEqual(['applicant', 'applicant.name', 'copies', 'name', 'pages']); // a grouped rule applies when none is asked
    expect(before.strict).toEqual(['pages']);
    expect(before.good).toEqual([]);
    for (let i = 0; i < 3; i++) {
      expect(problems(bad)).toEqual(before.plain);
      expect(problems(bad, ['strict'])).toEqual(before.strict);
      expect(problems(good)).toEqual([]);
    }
  });

  it('looks a class up once per set of arguments', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Filing, '', false, false, []);
    expect(storage.getTargetValidationMetadatas(Filing, '', false, false, [])).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(storage.getTargetValidationMetadatas(Filing, '', false, false, ['strict'])).not.toBe(first);
    expect(first.map((m) => m.propertyName).sort()).toEqual(['applicant', 'copies', 'copies', 'name', 'pages']);
  });

  it('knows a class defined after the first lookups', () => {
    class Receipt extends Filing {
      @IsString()
      code!: string;
    }
    const errors = validateSync(plainToInstance(Receipt, { ...good, code: 5 })).map((e) => e.property);
    expect(errors).toEqual(['code']);
  });
});
