/**
 * A variant is one guess at what the sender really did: a different body, key or signed content. The
 * canonical (no-mistake) choice carries no finding; every other variant carries the finding that explains it.
 * The search tries combinations with the fewest mistakes first, so the simplest explanation wins.
 */
import type { Diagnosis } from '../../../../shared/contract/signing.js';

export interface Variant<T> {
  value: T;
  finding?: Diagnosis;
}

export interface Match<A, B, C> {
  a: Variant<A>;
  b: Variant<B>;
  c: Variant<C>;
  findings: Diagnosis[];
}

/** Finds the combination with the fewest non-canonical choices for which `test` holds. */
export function cheapestMatch<A, B, C>(
  as: readonly Variant<A>[],
  bs: readonly Variant<B>[],
  cs: readonly Variant<C>[],
  test: (a: A, b: B, c: C) => boolean,
): Match<A, B, C> | undefined {
  const combos: { cost: number; a: Variant<A>; b: Variant<B>; c: Variant<C> }[] = [];
  for (const a of as)
    for (const b of bs)
      for (const c of cs)
        combos.push({ cost: Number(!!a.finding) + Number(!!b.finding) + Number(!!c.finding), a, b, c });
  combos.sort((x, y) => x.cost - y.cost);
  for (const { a, b, c } of combos) {
    if (test(a.value, b.value, c.value)) {
      const findings = [a.finding, b.finding, c.finding].filter((f): f is Diagnosis => f !== undefined);
      return { a, b, c, findings };
    }
  }
  return undefined;
}

/** For an axis with nothing to vary. */
export const only = <T>(value: T): Variant<T>[] => [{ value }];

/**
 * Caps the bytes the doctor hashes for one diagnosis. The receiver diagnoses every failed request, and a
 * hostile sender must not be able to buy seconds of CPU with one large badly signed body.
 */
export const DOCTOR_WORK_LIMIT_BYTES = 32 * 1024 * 1024;

export class WorkBudget {
  private spent = 0;
  exhausted = false;

  constructor(private readonly limit = DOCTOR_WORK_LIMIT_BYTES) {}

  /** Records `bytes` of work; false (and exhausted) once the limit is passed. The first spend always runs. */
  spend(bytes: number): boolean {
    if (this.spent > 0 && this.spent + bytes > this.limit) {
      this.exhausted = true;
      return false;
    }
    this.spent += bytes;
    return true;
  }

  get note(): string {
    return `the doctor stopped after hashing ${Math.round(this.limit / 1024 / 1024)} MiB (its work limit), so rarer combinations were not tried`;
  }
}
