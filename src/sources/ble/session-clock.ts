/** The live source's monotonic clock: ms since the session started, from `performance.now()`. */
export function sessionClock(): () => number {
  const t0 = performance.now();
  return () => Math.round(performance.now() - t0);
}
