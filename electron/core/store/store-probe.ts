/** Observes the record store's file I/O; tests and the benchmark count writes, fsyncs and bytes read. */
export interface StoreProbe {
  write?(file: string, bytes: number): void;
  sync?(file: string): void;
  read?(file: string, position: number, bytes: number): void;
}
