/** How long each rower's link has been down, in wall time since this display first saw it down. */
export class LinkWatch {
  private readonly since = new Map<string, number>();

  /** Seconds the link of `id` has been down (0 the first time), or undefined while it is up. */
  lostFor(id: string, connected: boolean, wallMs: number): number | undefined {
    if (connected) {
      this.since.delete(id);
      return undefined;
    }
    const from = this.since.get(id) ?? wallMs;
    this.since.set(id, from);
    return (wallMs - from) / 1000;
  }
}
