/**
 * ms since the epoch → ISO-8601 UTC, or undefined when not a time a recording header can hold
 * (a broken file's "8640000000000.001", or a year past 9999, which ISO writes as "+010000-…").
 */
export function isoTime(ms: number): string | undefined {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  const iso = d.toISOString();
  return /^\d{4}-/.test(iso) ? iso : undefined;
}
