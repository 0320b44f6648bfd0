/**
 * Notices that the computer slept: a timer that ticks every few seconds arrives far too late after a
 * suspend (wall-clock time moves on while timers stand still). The desktop app also has powerMonitor's
 * 'resume'; this covers the headless host and anything powerMonitor misses.
 */

/** Starts watching; returns the stop function. The timer never keeps the process alive. */
export function watchForWake(tickMs: number, lateByMs: number, onWake: () => void): () => void {
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    const gap = now - last;
    last = now;
    if (gap > tickMs + lateByMs) onWake();
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
