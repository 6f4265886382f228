import { CircuitBreaker } from './circuit-breaker';

const settings = { failureThreshold: 3, openMs: 1_000, maxOpenMs: 4_000 };

describe('CircuitBreaker', () => {
  it('stays closed below the threshold, and a success resets the count', () => {
    const circuit = new CircuitBreaker(settings);
    circuit.failed(0);
    circuit.failed(1);
    circuit.succeeded();
    circuit.failed(2);
    circuit.failed(3);
    expect(circuit.state(3)).toBe('closed');
    expect(circuit.allows(3)).toBe(true);
  });

  it('opens after the threshold of failures in a row, then lets a probe through when the wait is over', () => {
    const circuit = new CircuitBreaker(settings);
    for (const at of [0, 1, 2]) circuit.failed(at);
    expect(circuit.state(500)).toBe('open');
    expect(circuit.allows(500)).toBe(false);
    expect(circuit.reopensAt()).toBe(1_002);
    expect(circuit.state(1_002)).toBe('half_open');
    expect(circuit.allows(1_002)).toBe(true);
  });

  it('closes on a successful probe', () => {
    const circuit = new CircuitBreaker(settings);
    for (const at of [0, 1, 2]) circuit.failed(at);
    circuit.succeeded();
    expect(circuit.state(1_100)).toBe('closed');
    expect(circuit.reopensAt()).toBeNull();
  });

  it('opens again on a failed probe, waiting twice as long each time, up to the maximum', () => {
    const circuit = new CircuitBreaker(settings);
    for (const at of [0, 1, 2]) circuit.failed(at);
    circuit.failed(1_002); // the probe
    expect(circuit.state(2_000)).toBe('open');
    expect(circuit.reopensAt()).toBe(3_002);
    circuit.failed(3_002);
    expect(circuit.reopensAt()).toBe(7_002);
    circuit.failed(7_002);
    expect(circuit.reopensAt()).toBe(11_002); // 4 s at most
  });
});
