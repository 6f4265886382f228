import { serviceTopology, topologyNames } from './topology';

describe('service topology', () => {
  const topology = serviceTopology('t.x.', 'workflow', ['intake.dossier.*', 'postal.#'], [200, 400]);

  it('prefixes every exchange and queue name', () => {
    const { queues, exchanges } = topologyNames('t.x.', ['workflow'], [200, 400]);
    for (const name of [...queues, ...exchanges]) expect(name.startsWith('t.x.')).toBe(true);
    expect(topology.exchange).toBe('t.x.motcua.events');
    expect(topology.inbox.name).toBe('t.x.workflow.inbox');
    expect(topology.parkingLot.name).toBe('t.x.workflow.parking-lot');
    // named by their delay: a changed delay is a new queue, never a refused redeclaration
    expect(topology.retryTiers.map((q) => q.name)).toEqual(['t.x.workflow.retry.200ms', 't.x.workflow.retry.400ms']);
  });

  it('keeps unroutable events through the alternate exchange', () => {
    expect(topology.exchangeArguments).toEqual({ 'alternate-exchange': 't.x.motcua.unrouted' });
    expect(topology.unroutedQueue.arguments['x-queue-type']).toBe('quorum');
  });

  it('binds the inbox with each pattern and sets the delivery limit explicitly', () => {
    expect(topology.inbox.bindings).toEqual(['intake.dossier.*', 'postal.#']);
    expect(topology.inbox.arguments).toMatchObject({ 'x-queue-type': 'quorum', 'x-delivery-limit': expect.any(Number) });
  });

  it('makes each retry tier a delay queue dead-lettering back to the inbox without loss', () => {
    topology.retryTiers.forEach((tier, index) => {
      expect(tier.arguments).toEqual({
        'x-queue-type': 'quorum',
        'x-message-ttl': [200, 400][index],
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': 't.x.workflow.inbox',
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      });
    });
  });

  it('lists the names of several services once each for clean-up', () => {
    const { queues } = topologyNames('p.', ['a', 'b'], [1000]);
    expect(queues).toEqual(['p.motcua.unrouted', 'p.a.inbox', 'p.a.parking-lot', 'p.a.retry.1000ms', 'p.b.inbox', 'p.b.parking-lot', 'p.b.retry.1000ms']);
  });
});
