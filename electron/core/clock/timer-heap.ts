/**
 * An indexed binary min-heap of keyed due times: O(log n) insert, remove, reschedule and pop, O(1) peek.
 * Each key is in the heap at most once (re-adding reschedules it), which is what guarantees one pending
 * job per delivery. Ties break by insertion order so equal due times run first-come first-served.
 */

export interface HeapEntry {
  readonly key: string;
  due: number;
  seq: number;
  /** Position in the array; kept current by every swap so removal by key is O(log n). */
  pos: number;
}

const earlier = (a: HeapEntry, b: HeapEntry): boolean => a.due < b.due || (a.due === b.due && a.seq < b.seq);

export class TimerHeap {
  readonly #items: HeapEntry[] = [];
  readonly #byKey = new Map<string, HeapEntry>();
  #seq = 0;

  get size(): number {
    return this.#items.length;
  }

  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  dueOf(key: string): number | undefined {
    return this.#byKey.get(key)?.due;
  }

  peek(): HeapEntry | undefined {
    return this.#items[0];
  }

  /** Adds `key` at `due`, or moves it there if it is already queued. */
  set(key: string, due: number): void {
    const existing = this.#byKey.get(key);
    if (existing) {
      const wasDue = existing.due;
      existing.due = due;
      existing.seq = ++this.#seq;
      if (due < wasDue) this.#up(existing.pos);
      else this.#down(existing.pos);
      return;
    }
    const entry: HeapEntry = { key, due, seq: ++this.#seq, pos: this.#items.length };
    this.#items.push(entry);
    this.#byKey.set(key, entry);
    this.#up(entry.pos);
  }

  delete(key: string): boolean {
    const entry = this.#byKey.get(key);
    if (!entry) return false;
    this.#removeAt(entry.pos);
    return true;
  }

  /** Removes and returns the earliest entry if it is due at or before `now`. */
  popDue(now: number): HeapEntry | undefined {
    const top = this.#items[0];
    if (!top || top.due > now) return undefined;
    this.#removeAt(0);
    return top;
  }

  #removeAt(pos: number): void {
    const entry = this.#items[pos]!;
    this.#byKey.delete(entry.key);
    const last = this.#items.pop()!;
    if (pos === this.#items.length) return;
    this.#items[pos] = last;
    last.pos = pos;
    if (pos > 0 && earlier(last, this.#items[(pos - 1) >> 1]!)) this.#up(pos);
    else this.#down(pos);
  }

  #up(pos: number): void {
    const items = this.#items;
    const entry = items[pos]!;
    while (pos > 0) {
      const parentPos = (pos - 1) >> 1;
      const parent = items[parentPos]!;
      if (!earlier(entry, parent)) break;
      items[pos] = parent;
      parent.pos = pos;
      pos = parentPos;
    }
    items[pos] = entry;
    entry.pos = pos;
  }

  #down(pos: number): void {
    const items = this.#items;
    const n = items.length;
    const entry = items[pos]!;
    for (;;) {
      const left = 2 * pos + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && earlier(items[right]!, items[left]!) ? right : left;
      const candidate = items[child]!;
      if (!earlier(candidate, entry)) break;
      items[pos] = candidate;
      candidate.pos = pos;
      pos = child;
    }
    items[pos] = entry;
    entry.pos = pos;
  }
}
