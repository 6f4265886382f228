import { parseCorsOrigins } from './browser-access';

describe('CORS_ORIGINS', () => {
  it('takes exact origins, comma-separated, and none when empty', () => {
    expect(parseCorsOrigins('https://motcua.hanoi.gov.vn, http://localhost:5173')).toEqual(['https://motcua.hanoi.gov.vn', 'http://localhost:5173']);
    expect(parseCorsOrigins('')).toEqual([]);
  });

  it.each(['https://motcua.hanoi.gov.vn/', 'https://motcua.hanoi.gov.vn/desk', '*', 'https://*.gov.vn', 'motcua.hanoi.gov.vn', 'https://MotCua.gov.vn'])(
    'refuses %s: a browser sends its origin exactly, without path, slash or pattern, in lower case',
    (value) => expect(parseCorsOrigins(value)).toBeUndefined(),
  );
});
