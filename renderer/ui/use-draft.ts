/**
 * Local edits of a value that lives in the store. While the user has not changed anything, the draft
 * follows the store (e.g. a change made in another window arrives live); once edited, it is theirs
 * until saved or reset.
 */
import { useCallback, useEffect, useState } from 'react';

export interface Draft<T> {
  value: T;
  dirty: boolean;
  set(update: Partial<T>): void;
  reset(): void;
}

export function useDraft<T extends object>(source: T): Draft<T> {
  const [value, setValue] = useState(source);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setValue(source);
  }, [source, dirty]);
  const set = useCallback((update: Partial<T>) => {
    setValue((v) => ({ ...v, ...update }));
    setDirty(true);
  }, []);
  const reset = useCallback(() => {
    setValue(source);
    setDirty(false);
  }, [source]);
  return { value, dirty, set, reset };
}
