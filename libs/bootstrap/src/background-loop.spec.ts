import { BackgroundLoop } from './background-loop';

describe('BackgroundLoop', () => {
  it('runs its rounds, waiting as each asks, and stops in the middle of a long wait', async () => {
    let rounds = 0;
    const loop = new BackgroundLoop('test rounds', () => {
      rounds += 1;
      return Promise.resolve(rounds < 3 ? 0 : 60_000);
    });
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rounds).toBe(3);
    const started = Date.now();
    await loop.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(rounds).toBe(3);
  });

  it('lets the round in progress finish before stop resolves', async () => {
    let finished = false;
    let release: () => void = () => undefined;
    const loop = new BackgroundLoop('test rounds', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      finished = true;
      return 30_000;
    });
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const stopped = loop.stop();
    expect(finished).toBe(false);
    release();
    await stopped;
    expect(finished).toBe(true);
  });

  it('goes on after a round that throws, a second later', async () => {
    let rounds = 0;
    const loop = new BackgroundLoop('test rounds', () => {
      rounds += 1;
      return rounds === 1 ? Promise.reject(new Error('the database away')) : Promise.resolve(60_000);
    });
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(rounds).toBe(2);
    await loop.stop();
  });

  it('stops at once when never started', async () => {
    await expect(new BackgroundLoop('test rounds', () => Promise.resolve(0)).stop()).resolves.toBeUndefined();
  });
});
