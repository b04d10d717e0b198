import { BatchQueue } from './batch-queue';

describe('BatchQueue', () => {
  it('hands over what has arrived, up to the batch size, in arrival order', async () => {
    const queue = new BatchQueue<number>(10);
    for (let i = 1; i <= 5; i++) await queue.put(i);
    expect(await queue.take(3, 0)).toEqual([1, 2, 3]);
    expect(await queue.take(3, 0)).toEqual([4, 5]);
  });

  it('waits for the first item, then briefly for the rest of a pull still arriving', async () => {
    const queue = new BatchQueue<string>(10);
    const taken = queue.take(10, 20);
    await queue.put('a');
    setTimeout(() => void queue.put('b'), 1);
    expect(await taken).toEqual(['a', 'b']);
  });

  it('holds the producer while a full batch waits', async () => {
    const queue = new BatchQueue<number>(2);
    await queue.put(1);
    await queue.put(2);
    let thirdIn = false;
    const third = queue.put(3).then(() => (thirdIn = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(thirdIn).toBe(false);
    expect(await queue.take(2, 0)).toEqual([1, 2]);
    await third;
    expect(await queue.take(2, 0)).toEqual([3]);
  });

  it('gives a waiting taker nothing once closed, after what was left', async () => {
    const queue = new BatchQueue<number>(5);
    await queue.put(7);
    queue.close();
    expect(await queue.take(5, 50)).toEqual([7]);
    expect(await queue.take(5, 50)).toEqual([]);
    const waiting = new BatchQueue<number>(5);
    const taken = waiting.take(5, 0);
    waiting.close();
    expect(await taken).toEqual([]);
  });
});
