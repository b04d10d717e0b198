import { PeriodicTask } from './periodic-task';

class Counting extends PeriodicTask {
  ticks = 0;
  inHand = false;

  constructor(private readonly failEvery = 0) {
    super();
  }

  protected async tick(): Promise<void> {
    this.inHand = true;
    this.ticks += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.inHand = false;
    if (this.failEvery && this.ticks % this.failEvery === 0) throw new Error('database went away');
  }

  protected intervalMs(): number {
    return 10;
  }
}

const waitUntil = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 2));
};

describe('PeriodicTask', () => {
  it('ticks until shutdown, then waits for the tick in hand', async () => {
    const task = new Counting();
    task.onApplicationBootstrap();
    await waitUntil(() => task.ticks >= 3 && task.inHand);
    await task.beforeApplicationShutdown();
    expect(task.inHand).toBe(false);
    const ticks = task.ticks;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(task.ticks).toBe(ticks);
  });

  it('goes on after a failed tick', async () => {
    const task = new Counting(2);
    task.onApplicationBootstrap();
    await waitUntil(() => task.ticks >= 5);
    await task.beforeApplicationShutdown();
    expect(task.ticks).toBeGreaterThanOrEqual(5);
  });

  it('wakes from its sleep at shutdown instead of waiting out the interval', async () => {
    const slow = new (class extends Counting {
      protected override intervalMs(): number {
        return 60_000;
      }
    })();
    slow.onApplicationBootstrap();
    await waitUntil(() => slow.ticks === 1 && !slow.inHand);
    const started = Date.now();
    await slow.beforeApplicationShutdown();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
