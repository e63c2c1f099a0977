/** Keeps the screen on while the display is visible (Screen Wake Lock API, where available). */
export function keepScreenOn(): void {
  const nav = navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<unknown> } };
  if (nav.wakeLock === undefined) return;
  const request = () => void nav.wakeLock?.request('screen').catch(() => undefined);
  request();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') request();
  });
}
