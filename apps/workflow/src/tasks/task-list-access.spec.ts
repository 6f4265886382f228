import type { Oversight } from '../staff/oversight';
import { type TaskListFilters, agenciesToList } from './task-list-access';

const WARD = '004.01.20.H26';
const OTHER_WARD = '004.02.20.H26';
const DISTRICT = '004.00.20.H26';
const WARD_UNDER_DISTRICT = '004.03.20.H26';

const queue: TaskListFilters = { scope: 'own', owner: 'none', status: 'open' };
const specialist: Oversight = { member: [WARD, OTHER_WARD], heads: [], leads: [] };
const headOfDesk: Oversight = { member: [WARD, OTHER_WARD], heads: [WARD], leads: [] };
const districtLeader: Oversight = { member: [DISTRICT], heads: [DISTRICT], leads: [DISTRICT] };
const underDistrict = [DISTRICT, WARD_UNDER_DISTRICT];

describe('which agencies an officer’s task list may hold', () => {
  it('lists tasks for officers only', () => {
    expect(agenciesToList('citizen', queue, specialist, [])).toMatchObject({ code: 'TASK.OFFICERS_ONLY' });
    expect(agenciesToList('machine', queue, specialist, [])).toMatchObject({ code: 'TASK.OFFICERS_ONLY' });
  });

  it('gives an officer the queues of every agency they work at, or the one they name', () => {
    expect(agenciesToList('officer', queue, specialist, [])).toEqual([WARD, OTHER_WARD]);
    expect(agenciesToList('officer', { ...queue, agency: OTHER_WARD }, specialist, [])).toEqual([OTHER_WARD]);
  });

  it('refuses an agency the officer does not work at, naming the field', () => {
    expect(agenciesToList('officer', { ...queue, agency: DISTRICT }, specialist, [])).toMatchObject({
      code: 'TASK.AGENCY_NOT_YOURS',
      errors: [{ field: 'agency', code: 'AGENCY_NOT_YOURS', message: `you do not work at ${DISTRICT}` }],
    });
  });

  it('lets only a leader ask for the agencies under theirs (scope=subtree)', () => {
    expect(agenciesToList('officer', { ...queue, scope: 'subtree' }, headOfDesk, [])).toMatchObject({
      code: 'TASK.SUBTREE_FOR_LEADERS',
      errors: [{ field: 'scope', code: 'SUBTREE_FOR_LEADERS' }],
    });
    expect(agenciesToList('officer', { ...queue, scope: 'subtree' }, districtLeader, underDistrict)).toEqual(underDistrict);
  });

  it('lets a leader name a ward under their district only with scope=subtree', () => {
    expect(agenciesToList('officer', { ...queue, scope: 'subtree', agency: WARD_UNDER_DISTRICT }, districtLeader, underDistrict)).toEqual([
      WARD_UNDER_DISTRICT,
    ]);
    expect(agenciesToList('officer', { ...queue, agency: WARD_UNDER_DISTRICT }, districtLeader, underDistrict)).toMatchObject({
      code: 'TASK.AGENCY_NOT_YOURS',
    });
  });

  it('shows whom open tasks are with (owner=all) only at the agencies the officer heads or leads', () => {
    const everyOwner: TaskListFilters = { ...queue, owner: 'all' };
    expect(agenciesToList('officer', everyOwner, headOfDesk, [])).toEqual([WARD]);
    expect(agenciesToList('officer', { ...everyOwner, scope: 'subtree' }, districtLeader, underDistrict)).toEqual(underDistrict);
    expect(agenciesToList('officer', { ...everyOwner, agency: OTHER_WARD }, headOfDesk, [])).toMatchObject({
      code: 'TASK.ALL_FOR_HEADS',
      errors: [{ field: 'owner', code: 'ALL_FOR_HEADS' }],
    });
    expect(agenciesToList('officer', everyOwner, specialist, [])).toMatchObject({ code: 'TASK.ALL_FOR_HEADS' });
  });

  it('leaves a list of done tasks at every agency of the officer, whatever owner says, since they are the caller’s own', () => {
    expect(agenciesToList('officer', { ...queue, owner: 'all', status: 'done' }, specialist, [])).toEqual([WARD, OTHER_WARD]);
  });
});
