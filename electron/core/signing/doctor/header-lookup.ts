/** Finds a header for the doctor: exactly, or under a near-miss name (which is itself a finding). */
import type { Diagnosis } from '../../../../shared/contract/signing.js';
import { findNearMiss, getHeader, type HeaderList } from '../headers.js';
import { finding } from './findings.js';

export interface Located {
  value?: string;
  findings: Diagnosis[];
}

export function locateHeader(headers: HeaderList, name: string, aliases: readonly string[] = []): Located {
  const exact = getHeader(headers, name);
  if (exact !== undefined) return { value: exact, findings: [] };
  const near = findNearMiss(headers, name, aliases);
  if (near) return { value: near.value, findings: [finding.headerMisspelled(name, near.name)] };
  return {
    findings: [
      finding.headerMissing(
        name,
        headers.map(([n]) => n),
      ),
    ],
  };
}
