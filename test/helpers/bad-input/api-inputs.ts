/** The raw material of the API bad inputs: traversal ids and names, wrong-typed values, broken text. */
import type { Rng } from './recorder.js';

export function inputPools(rng: Rng): {
  traversal: string[];
  wrong: () => unknown;
  broken: () => string;
} {
  const traversal = [
    '../../etc/passwd',
    '..%2F..%2Fconfig%2Fkeys.json',
    '%2e%2e%2f',
    'cap_%00',
    'C:\\windows',
    '....//',
    '%252e%252e',
    'a'.repeat(500),
    '🙂',
    'cap_../x',
  ];
  const wrong = () =>
    rng.pick<unknown>([
      null,
      42,
      -1,
      Number.POSITIVE_INFINITY,
      true,
      'x',
      [],
      {},
      [1, 2],
      { $gt: '' },
      '\u0000',
      'a'.repeat(5000),
    ]);
  const broken = () => rng.bytes(1 + rng.int(80)).toString('latin1');
  return { traversal, wrong, broken };
}
