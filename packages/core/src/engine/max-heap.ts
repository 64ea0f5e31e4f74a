/** A binary max-heap under `compare`: the greatest item is on top. */
export class MaxHeap<T> {
  private items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    let index = items.push(item) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.compare(items[parent] as T, item) >= 0) break;
      items[index] = items[parent] as T;
      index = parent;
    }
    items[index] = item;
  }

  /** Puts `item` in place of the top and returns the old top (the heap must not be empty). */
  replaceTop(item: T): T {
    const items = this.items;
    const top = items[0] as T;
    const size = items.length;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.compare(items[right] as T, items[left] as T) > 0 ? right : left;
      if (this.compare(items[child] as T, item) <= 0) break;
      items[index] = items[child] as T;
      index = child;
    }
    items[index] = item;
    return top;
  }

  /** Every item, smallest first; the heap is empty afterwards. */
  drainSorted(): T[] {
    const items = this.items;
    this.items = [];
    return items.sort(this.compare);
  }
}

/**
 * Keeps the `limit` smallest of the items offered, in memory proportional to `limit` whatever
 * the number offered. `compare` must be a total order, so that which items are kept does not
 * depend on the order they come in.
 */
export class SmallestItems<T> {
  private readonly heap: MaxHeap<T>;

  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {
    this.heap = new MaxHeap(compare);
  }

  /** Offers an item; returns the item that is not (or no longer) kept, if any. */
  offer(item: T): T | undefined {
    if (this.heap.size < this.limit) {
      this.heap.push(item);
      return undefined;
    }
    const top = this.heap.peek();
    if (top === undefined || this.compare(item, top) >= 0) return item;
    return this.heap.replaceTop(item);
  }

  get size(): number {
    return this.heap.size;
  }

  /** The kept items, smallest first; empty afterwards. */
  drainSorted(): T[] {
    return this.heap.drainSorted();
  }
}
