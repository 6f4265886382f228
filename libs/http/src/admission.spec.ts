import { Admission } from './admission';

/** A clock and a timer queue the test moves by hand. */
function manualTime() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    schedule: (fn: () => void, ms: number) => timers.push({ at: now + ms, fn }),
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.fn();
      }
    },
  };
}

describe('Admission', () => {
  it('takes requests at once up to the limit, then queues them in order of arrival', async () => {
    const time = manualTime();
    const admission = new Admission(2, 100, time.now, time.schedule);
    expect(admission.enter()).toBe(true);
    expect(admission.enter()).toBe(true);
    const third = admission.enter();
    const fourth = admission.enter();
    expect(third).toBeInstanceOf(Promise);
    expect(admission.queued).toBe(2);
    admission.leave();
    await expect(third).resolves.toBe(true);
    expect(admission.inFlight).toBe(2);
    expect(admission.queued).toBe(1);
    admission.leave();
    await expect(fourth).resolves.toBe(true);
    expect(admission.turnedAway).toBe(0);
  });

  it('turns a request away when it could not start within the bound, and its place goes to the next', async () => {
    const time = manualTime();
    const admission = new Admission(1, 100, time.now, time.schedule);
    expect(admission.enter()).toBe(true);
    const early = admission.enter() as Promise<boolean>;
    time.advance(60);
    const late = admission.enter() as Promise<boolean>;
    time.advance(50); // the first waiter's bound is over, not the second's
    await expect(early).resolves.toBe(false);
    admission.leave();
    await expect(late).resolves.toBe(true);
    expect(admission.turnedAway).toBe(1);
    expect(admission.inFlight).toBe(1);
    expect(admission.queued).toBe(0);
  });

  it('a newcomer does not overtake those already waiting', async () => {
    const time = manualTime();
    const admission = new Admission(1, 100, time.now, time.schedule);
    expect(admission.enter()).toBe(true);
    const waiting = admission.enter() as Promise<boolean>;
    admission.leave(); // the waiter takes the place
    await expect(waiting).resolves.toBe(true);
    expect(admission.enter()).toBeInstanceOf(Promise);
  });

  it('with no wait allowed, refuses at once when full', () => {
    const admission = new Admission(1, 0);
    expect(admission.enter()).toBe(true);
    expect(admission.enter()).toBe(false);
    expect(admission.turnedAway).toBe(1);
  });

  it('refuses a leave without an enter, and a limit below one', () => {
    expect(() => new Admission(1, 10).leave()).toThrow();
    expect(() => new Admission(0, 10)).toThrow(RangeError);
  });
});
