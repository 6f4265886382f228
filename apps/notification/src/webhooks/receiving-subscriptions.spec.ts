import { receives } from './receiving-subscriptions';

describe('which events a subscription receives', () => {
  it('receives every offered event when it asked for none', () => {
    expect(receives([], 'intake.dossier.accepted')).toBe(true);
    expect(receives([], 'workflow.task.created')).toBe(true);
  });

  it('receives only the events it asked for', () => {
    expect(receives(['workflow.task.created'], 'workflow.task.created')).toBe(true);
    expect(receives(['workflow.task.created'], 'intake.dossier.accepted')).toBe(false);
  });
});
