/** Segment file naming and discovery: `seg-000001.ndjson`, numbered upwards in write order. */
import fsp from 'node:fs/promises';

const SEGMENT_PATTERN = /^seg-(\d{6,})\.ndjson$/;
const SEGMENT_DIGITS = 6;

export const segmentName = (num: number): string => `seg-${String(num).padStart(SEGMENT_DIGITS, '0')}.ndjson`;

/** Segment numbers present in `dir`, oldest first. Other files (quarantine, temp files) are ignored. */
export async function listSegments(dir: string): Promise<number[]> {
  const names = await fsp.readdir(dir);
  const nums: number[] = [];
  for (const name of names) {
    const match = SEGMENT_PATTERN.exec(name);
    if (match?.[1]) nums.push(Number.parseInt(match[1], 10));
  }
  return nums.sort((a, b) => a - b);
}
