/**
 * TCX export (Garmin TrainingCenterDatabase v2 with the ActivityExtension v2 "TPX"/"LX" parts, as
 * ORM and rowingdata write it: docs/interop.md §B): Activity Sport="Other", one Lap
 * per segment with Intensity Active/Resting, Cadence, a Track of 1 Hz Trackpoints with Watts and
 * Speed, lap averages in LX, the verdict in the lap Notes and the verdict table in the Activity
 * Notes. Every text is XML-escaped. Pure.
 */
import { describeSession, verdictTable } from './description.js';
import type { ExportInput } from './export-input.js';
import { lapTotals } from './lap-summary.js';
import { recordsIn, timelineOf } from './timeline.js';
import { xmlEscape } from './xml.js';

const NS = 'http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2';
const NS_EXT = 'http://www.garmin.com/xmlschemas/ActivityExtension/v2';

const int = (x: number, max: number): string => String(Math.min(max, Math.max(0, Math.round(x))));

/** The TCX document of one rower's session. Throws ExportError('NO_DATA') when there is nothing to export. */
export function exportTcx(input: ExportInput): string {
  const tl = timelineOf(input);
  const t0 = Date.parse(input.startedAt);
  const iso = (ms: number): string => new Date(t0 + ms).toISOString();
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<TrainingCenterDatabase xmlns="${NS}" xmlns:ns3="${NS_EXT}">`);
  out.push('  <Activities>');
  out.push('    <Activity Sport="Other">');
  out.push(`      <Id>${iso(tl.startMs)}</Id>`);
  for (const seg of tl.segments) {
    const t = lapTotals(tl, seg);
    const resting = seg.kind !== 'work' && seg.kind !== 'session';
    out.push(`      <Lap StartTime="${iso(seg.startMs)}">`);
    out.push(`        <TotalTimeSeconds>${t.timerS.toFixed(1)}</TotalTimeSeconds>`);
    out.push(`        <DistanceMeters>${t.distanceM.toFixed(1)}</DistanceMeters>`);
    if (t.maxSpeedMps !== undefined) out.push(`        <MaximumSpeed>${t.maxSpeedMps.toFixed(3)}</MaximumSpeed>`);
    // Calories is required by the schema: 0 when the console counts no energy
    out.push(`        <Calories>${int(t.energyKcal ?? 0, 65535)}</Calories>`);
    if (t.avgHeartRate !== undefined) out.push(`        <AverageHeartRateBpm><Value>${int(t.avgHeartRate, 254)}</Value></AverageHeartRateBpm>`);
    if (t.maxHeartRate !== undefined) out.push(`        <MaximumHeartRateBpm><Value>${int(t.maxHeartRate, 254)}</Value></MaximumHeartRateBpm>`);
    out.push(`        <Intensity>${resting ? 'Resting' : 'Active'}</Intensity>`);
    if (t.avgStrokeRate !== undefined) out.push(`        <Cadence>${int(t.avgStrokeRate, 254)}</Cadence>`);
    out.push('        <TriggerMethod>Manual</TriggerMethod>');
    const recs = recordsIn(tl, seg);
    if (recs.length > 0) {
      out.push('        <Track>');
      for (const r of recs) {
        out.push('          <Trackpoint>');
        out.push(`            <Time>${iso(r.t)}</Time>`);
        if (r.distanceM !== undefined) out.push(`            <DistanceMeters>${r.distanceM.toFixed(1)}</DistanceMeters>`);
        if (r.heartRate !== undefined) out.push(`            <HeartRateBpm><Value>${int(r.heartRate, 254)}</Value></HeartRateBpm>`);
        if (r.strokeRate !== undefined) out.push(`            <Cadence>${int(r.strokeRate, 254)}</Cadence>`);
        if (r.powerW !== undefined || r.speedMps !== undefined) {
          const speed = r.speedMps === undefined ? '' : `<ns3:Speed>${r.speedMps.toFixed(3)}</ns3:Speed>`;
          const watts = r.powerW === undefined ? '' : `<ns3:Watts>${int(r.powerW, 65534)}</ns3:Watts>`;
          out.push(`            <Extensions><ns3:TPX>${speed}${watts}</ns3:TPX></Extensions>`);
        }
        out.push('          </Trackpoint>');
      }
      out.push('        </Track>');
    }
    if (seg.kind === 'work') {
      const line = verdictTable([seg.interval!])[0]!;
      out.push(`        <Notes>${xmlEscape(line)}</Notes>`);
    }
    const lx: string[] = [];
    if (t.avgSpeedMps !== undefined) lx.push(`<ns3:AvgSpeed>${t.avgSpeedMps.toFixed(3)}</ns3:AvgSpeed>`);
    lx.push(`<ns3:Steps>${t.strokes}</ns3:Steps>`);
    if (t.avgPowerW !== undefined) lx.push(`<ns3:AvgWatts>${int(t.avgPowerW, 65534)}</ns3:AvgWatts>`);
    if (t.maxPowerW !== undefined) lx.push(`<ns3:MaxWatts>${int(t.maxPowerW, 65534)}</ns3:MaxWatts>`);
    out.push(`        <Extensions><ns3:LX>${lx.join('')}</ns3:LX></Extensions>`);
    out.push('      </Lap>');
  }
  const notes = [describeSession(input), ...verdictTable(input.intervals)].join('\n');
  out.push(`      <Notes>${xmlEscape(notes)}</Notes>`);
  out.push(`      <Creator xsi:type="Device_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Name>ergsprint</Name><UnitId>0</UnitId><ProductID>0</ProductID><Version><VersionMajor>0</VersionMajor><VersionMinor>1</VersionMinor></Version></Creator>`);
  out.push('    </Activity>');
  out.push('  </Activities>');
  out.push('</TrainingCenterDatabase>');
  return `${out.join('\n')}\n`;
}
