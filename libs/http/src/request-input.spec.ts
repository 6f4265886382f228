import { MAX_INPUT_DEPTH, inputProblems } from './request-input';

const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('what no request may carry', () => {
  it('lets ordinary Vietnamese text, numbers, nulls and the deepest real request through', () => {
    const dossier = {
      applicant: { fullName: 'Nguyễn Thị Lan', address: 'Số 12 phố Phó Đức Chính 🏠', wardCode: '00004' },
      documents: [{ name: 'Tờ khai đăng ký khai sinh', copies: 1, code: null }],
      steps: [{ agency: { kind: 'competent', agencyKind: ['people_committee'] } }],
    };
    expect(inputProblems(dossier)).toEqual([]);
    expect(inputProblems(nested(MAX_INPUT_DEPTH))).toEqual([]);
    expect(inputProblems(undefined)).toEqual([]);
  });

  it('names a NUL character and a lone surrogate by the field they are in', () => {
    expect(inputProblems({ applicant: { fullName: 'Lan\u0000' } })).toEqual([expect.objectContaining({ field: 'applicant.fullName', code: 'noNulCharacter' })]);
    expect(inputProblems({ documents: [{ name: 'ok' }, { name: 'a\ud800b' }] })).toEqual([
      expect.objectContaining({ field: 'documents.1.name', code: 'wellFormedText' }),
    ]);
    expect(inputProblems({ note: 'trailing \udfff' })).toEqual([expect.objectContaining({ field: 'note', code: 'wellFormedText' })]);
    // a path parameter or a query value is named by its own name
    expect(inputProblems('a\u0000b', 'code')).toEqual([expect.objectContaining({ field: 'code', code: 'noNulCharacter' })]);
    expect(inputProblems({ 'a\u0000': 1 })).toEqual([expect.objectContaining({ field: 'a\u0000', code: 'noNulCharacter' })]);
  });

  it('refuses __proto__ and constructor keys, as JSON.parse keeps them, by name', () => {
    const poisoned = JSON.parse('{"applicant": {"__proto__": {"isAdmin": true}}, "constructor": {"prototype": {}}}') as unknown;
    expect(
      inputProblems(poisoned)
        .map((p) => `${p.field}:${p.code}`)
        .sort(),
    ).toEqual(['applicant.__proto__:forbiddenKey', 'constructor:forbiddenKey']);
  });

  it('stops at the nesting limit without recursing, however deep the body', () => {
    expect(inputProblems(nested(MAX_INPUT_DEPTH + 1))).toEqual([
      expect.objectContaining({ field: Array(MAX_INPUT_DEPTH).fill('a').join('.'), code: 'maxDepth' }),
    ]);
    const deepArrays = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(inputProblems(deepArrays)).toEqual([expect.objectContaining({ code: 'maxDepth' })]);
  });

  it('lists at most twenty problems', () => {
    expect(inputProblems(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});
