/** A promise settled from outside, once; later settles are ignored. */
export class Deferred<T> {
  readonly promise: Promise<T>;
  private settle!: (v: T) => void;
  private done = false;

  constructor() {
    this.promise = new Promise<T>((resolve) => (this.settle = resolve));
  }

  get settled(): boolean {
    return this.done;
  }

  resolve(v: T): void {
    if (this.done) return;
    this.done = true;
    this.settle(v);
  }
}
