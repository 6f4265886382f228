import { SnakeNamingStrategy, snakeCase } from './snake-naming.strategy';

describe('snake_case naming', () => {
  it.each([
    ['receivedAt', 'received_at'],
    ['DossierStatusChange', 'dossier_status_change'],
    ['HTTPStatus', 'http_status'],
    ['nationalStatusCode', 'national_status_code'],
    ['already_snake', 'already_snake'],
  ])('%s → %s', (input, expected) => expect(snakeCase(input)).toBe(expected));

  it('keeps names given explicitly and prefixes embedded columns', () => {
    const naming = new SnakeNamingStrategy();
    expect(naming.tableName('ProcessVersion', undefined)).toBe('process_version');
    expect(naming.tableName('ProcessVersion', 'procedure_version')).toBe('procedure_version');
    expect(naming.columnName('fullName', undefined, ['applicant'])).toBe('applicant_full_name');
    expect(naming.columnName('fullName', 'name', [])).toBe('name');
    expect(naming.joinColumnName('procedureVersion', 'id')).toBe('procedure_version_id');
  });
});
