import type { StepDefinition } from '@motcua/catalogue';
import type { DirectoryAgency } from '@motcua/catalogue';
import { birthRegistration } from '../migrations/seed/1764150000001-spine-catalogue';
import { checkProcessDefinition, parseStepDefinitions } from './process-definition';

const agency = (code: string, kind: string, level: string, validTo: string | null = null): DirectoryAgency => ({
  code,
  kind,
  level,
  areaCode: '01',
  validFrom: '2018-06-21',
  validTo,
});
const organisation = [
  agency('000.00.03.H26', 'department_health', 'city'),
  agency('000.01.20.H26', 'people_committee', 'district'),
  agency('004.01.20.H26', 'people_committee', 'ward'),
  agency('000.00.99.H26', 'department_abolished', 'city', '2020-12-31'),
];
const step = (overrides: Partial<StepDefinition> = {}): StepDefinition => ({
  number: 1,
  name: 'Thẩm định hồ sơ',
  agency: { kind: 'competent', level: 'ward', agencyKind: 'people_committee' },
  role: 'specialist',
  budgetHours: 4,
  actions: ['forward'],
  ...overrides,
});
const check = (steps: StepDefinition[]) => checkProcessDefinition(steps, organisation, '2026-11-26');
const codes = (steps: StepDefinition[]) => check(steps).map((p) => `${p.field} ${p.code}`);

describe('checking a process definition before it is published', () => {
  it('accepts the seeded birth registration', () => {
    expect(check([...birthRegistration.steps])).toEqual([]);
  });

  it('refuses an empty process', () => {
    expect(codes([])).toEqual(['steps PROCESS.EMPTY']);
  });

  it('names the step and the field of each problem', () => {
    expect(
      codes([
        step({ role: 'super_user' }),
        step({ number: 2, budgetHours: 0, actions: [] }),
        step({ number: 4, name: ' ', budgetHours: -2, actions: ['teleport', 'hand_over'] }),
      ]),
    ).toEqual([
      'steps.0.role PROCESS.UNKNOWN_ROLE',
      'steps.1.budgetHours PROCESS.BUDGET_NOT_POSITIVE',
      'steps.1.actions PROCESS.NO_ACTION',
      'steps.2.number PROCESS.STEP_OUT_OF_ORDER',
      'steps.2.name PROCESS.STEP_UNNAMED',
      'steps.2.budgetHours PROCESS.BUDGET_NOT_POSITIVE',
      'steps.2.actions PROCESS.UNKNOWN_ACTION',
      'steps.2.actions PROCESS.HAND_OVER_BEFORE_SIGN',
    ]);
  });

  it('refuses an agency rule that cannot resolve: an unknown or abolished agency, a kind nobody is at that level', () => {
    expect(
      codes([
        step({ agency: { kind: 'fixed', agencyCode: '000.00.42.H26' } }),
        step({ number: 2, agency: { kind: 'fixed', agencyCode: '000.00.99.H26' } }),
        step({ number: 3, agency: { kind: 'competent', level: 'ward', agencyKind: 'department_health' }, actions: ['sign'] }),
      ]),
    ).toEqual(['steps.0.agency PROCESS.AGENCY_UNRESOLVABLE', 'steps.1.agency PROCESS.AGENCY_UNRESOLVABLE', 'steps.2.agency PROCESS.AGENCY_UNRESOLVABLE']);
  });

  it('accepts a city procedure received at any desk and decided by a fixed department', () => {
    expect(
      check([
        step({ agency: { kind: 'receiving' }, role: 'receiver', actions: ['forward', 'refuse'] }),
        step({ number: 2, agency: { kind: 'fixed', agencyCode: '000.00.03.H26' }, actions: ['forward', 'send_back', 'request_supplement'] }),
        step({ number: 3, agency: { kind: 'fixed', agencyCode: '000.00.03.H26' }, role: 'leader', actions: ['sign', 'send_back'] }),
        step({ number: 4, agency: { kind: 'receiving' }, role: 'returner', actions: ['hand_over'] }),
      ]),
    ).toEqual([]);
  });

  it('hands a result over only after a step that signs it', () => {
    const returnStep = (number: number) => step({ number, agency: { kind: 'receiving' }, role: 'returner', actions: ['hand_over'] });
    expect(codes([step({ actions: ['approve'] }), returnStep(2)])).toEqual(['steps.1.actions PROCESS.HAND_OVER_BEFORE_SIGN']);
    expect(codes([step({ actions: ['sign'] }), returnStep(2)])).toEqual([]);
  });

  it('does not let the first step send back nor the last forward', () => {
    expect(codes([step({ actions: ['forward', 'send_back'] }), step({ number: 2, actions: ['forward'] })])).toEqual([
      'steps.0.actions PROCESS.SEND_BACK_FROM_FIRST_STEP',
      'steps.1.actions PROCESS.FORWARD_FROM_LAST_STEP',
    ]);
  });

  it('refuses a time budget no deadline could be counted out of', () => {
    expect(codes([step({ budgetHours: 10_000, actions: ['approve'] })])).toEqual([]);
    expect(codes([step({ budgetHours: 10_001, actions: ['approve'] })])).toEqual(['steps.0.budgetHours PROCESS.BUDGET_TOO_LARGE']);
    expect(codes([step({ budgetHours: 1e300, actions: ['approve'] })])).toEqual(['steps.0.budgetHours PROCESS.BUDGET_TOO_LARGE']);
  });

  it('reads what a client sent, naming each malformed field', () => {
    expect(parseStepDefinitions({ steps: [] }).problems.map((p) => p.field)).toEqual(['steps']);
    const { problems } = parseStepDefinitions([
      'not a step',
      { number: '1', name: 3, role: null, budgetHours: '4', actions: 'forward', agency: { kind: 'fixed' } },
    ]);
    expect(problems.map((p) => `${p.field} ${p.code}`)).toEqual([
      'steps.0 PROCESS.MALFORMED',
      'steps.1.number PROCESS.MALFORMED',
      'steps.1.name PROCESS.MALFORMED',
      'steps.1.role PROCESS.MALFORMED',
      'steps.1.budgetHours PROCESS.MALFORMED',
      'steps.1.actions PROCESS.MALFORMED',
      'steps.1.agency PROCESS.MALFORMED',
    ]);
    const padded = parseStepDefinitions([
      { ...step(), name: 'x'.repeat(301), note: 'kept nowhere' },
      { ...step({ number: 2 }), agency: { kind: 'receiving', agencyCode: '004.01.20.H26' } },
    ]);
    expect(padded.problems.map((p) => `${p.field} ${p.code}`)).toEqual([
      'steps.0.note PROCESS.MALFORMED',
      'steps.0.name PROCESS.MALFORMED',
      'steps.1.agency.agencyCode PROCESS.MALFORMED',
    ]);
    expect(parseStepDefinitions(JSON.parse(JSON.stringify(birthRegistration.steps)))).toEqual({
      steps: JSON.parse(JSON.stringify(birthRegistration.steps)),
      problems: [],
    });
  });
});
