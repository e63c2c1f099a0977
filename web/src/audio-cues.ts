/** Optional audio cues with Web Audio: short beeps for 3-2-1 before a sprint, a long tone at its end. Off by default. */
export class AudioCues {
  private ctx: AudioContext | undefined;
  enabled = false;
  private lastCountdown = new Map<string, number>();

  /** Turns cues on/off (must follow a user gesture so the browser allows sound). */
  toggle(): boolean {
    this.enabled = !this.enabled;
    if (this.enabled) {
      this.ctx ??= new AudioContext();
      void this.ctx.resume();
    }
    return this.enabled;
  }

  /** Feeds the seconds left before a sprint for one key (rower or room); beeps at 3, 2, 1. */
  countdown(key: string, secondsLeft: number): void {
    const whole = Math.ceil(secondsLeft);
    if (whole === this.lastCountdown.get(key)) return;
    this.lastCountdown.set(key, whole);
    if (whole >= 1 && whole <= 3) this.beep(880, 0.15);
  }

  /** A sprint ended. */
  sprintEnd(): void {
    this.beep(440, 0.8);
  }

  private beep(freqHz: number, durationS: number): void {
    if (!this.enabled || this.ctx === undefined) return;
    const osc = this.ctx.createOscillator();
    const gain = this.ctx.createGain();
    osc.frequency.value = freqHz;
    gain.gain.setValueAtTime(0.25, this.ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, this.ctx.currentTime + durationS);
    osc.connect(gain).connect(this.ctx.destination);
    osc.start();
    osc.stop(this.ctx.currentTime + durationS);
  }
}
