/** Something due at a time; `seq` keeps equal times in the order they were added. */
export interface Timed {
  readonly at: number;
  readonly seq: number;
  cancelled: boolean;
}

/**
 * Entries by (at, seq) in a binary heap. Cancelled entries stay until they reach the top and are dropped there, so
 * a cancelled wait never pulls time forward. Shared by the emulator's event queue and the simulator's clock.
 */
export class Timeline<T extends Timed> {
  private heap: T[] = [];

  /** The earliest live entry, without removing it. */
  peek(): T | undefined {
    while (this.heap[0]?.cancelled) this.removeTop();
    return this.heap[0];
  }

  /** Removes and returns the earliest live entry due by `to` (every one when omitted). */
  takeDue(to = Infinity): T | undefined {
    const head = this.peek();
    if (!head || head.at > to) return undefined;
    this.removeTop();
    return head;
  }

  get pending(): number {
    return this.heap.filter((e) => !e.cancelled).length;
  }

  add(e: T): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private removeTop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!h.length || !last) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && less(h[l]!, h[m]!)) m = l;
      if (r < h.length && less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

function less(a: Timed, b: Timed): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
