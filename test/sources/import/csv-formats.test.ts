/**
 * The CSV parsers on small hand-made snippets, one quirk per case: SmartRow's semicolons and
 * decimal commas and its blank first strokes, RP3's clock and distance restarts with end markers,
 * RowPro's rowless rests and misaligned segment table, Painsled's non-stroke rows and drop-outs,
 * BoatCoach's repeated rows and count-down distance, ErgData's missing power, Concept2 Logbook
 * interval restarts, the PM export's clocks. Values not in a file stay unknown (undefined), never 0.
 */
import { describe, expect, it } from 'vitest';
import { parseBoatCoachCsv } from '../../../src/sources/import/boatcoach-csv.js';
import { parseC2Csv } from '../../../src/sources/import/c2-csv.js';
import { parseErgDataCsv } from '../../../src/sources/import/ergdata-csv.js';
import { parsePainsledCsv } from '../../../src/sources/import/painsled-csv.js';
import { parsePmCsv } from '../../../src/sources/import/pm-csv.js';
import { parseRowingdataCsv } from '../../../src/sources/import/rowingdata-csv.js';
import { parseRowProCsv, segmentStartsMs } from '../../../src/sources/import/rowpro-csv.js';
import { parseRp3Csv } from '../../../src/sources/import/rp3-csv.js';
import { parseSmartRowCsv } from '../../../src/sources/import/smartrow-csv.js';

const lines = (...ls: string[]): string => ls.join('\r\n') + '\r\n';

describe('SmartRow CSV', () => {
  const head = 'Stroke (#);Second (#);Timestamp (UTC);Distance (m);Work (J);Actual power (W);Average power (W);Actual split (s);Average split (s);Stroke rate (SPM);Heart rate (bpm)';
  it('reads semicolons with decimal commas; blank power, split and heart rate are unknown', () => {
    const s = parseSmartRowCsv(lines(head, '1;3;2025-11-11T19:24:59Z;6;122,7; ; ; ; ;18,8; ', '2;5;2025-11-11T19:25:01Z;13;204,6;39;58,4;207;207;23,8;101'));
    expect(s.startedAt).toBe('2025-11-11T19:24:56.000Z'); // the first Timestamp less its Second
    expect(s.rows).toEqual([
      { tS: 3, stroke: true, distanceM: 6, strokeRate: 18.8 },
      { tS: 5, stroke: true, distanceM: 13, powerW: 39, paceS500: 207, strokeRate: 23.8, heartRate: 101 },
    ]);
  });
  it('reads the comma variant and leaves out a stroke without a time', () => {
    const s = parseSmartRowCsv(lines('Stroke (#),Second (#),Distance (m),Work (J),Actual power (W),Average power (W),Actual split (s),Average split (s),Stroke rate (SPM),Heart rate (bpm)', '1, , , , , , , , ,82', '2,3,7,221.0,67,65.4, ,176,19.1,87'));
    expect(s.startedAt).toBeUndefined();
    expect(s.rows).toEqual([{ tS: 3, stroke: true, distanceM: 7, powerW: 67, strokeRate: 19.1, heartRate: 87 }]);
  });
});

describe('RP3 CSV', () => {
  const head = '"id","workout_interval_id","ref","stroke_number","power","avg_power","stroke_rate","time","stroke_length","distance","distance_per_stroke","estimated_500m_time","energy_per_stroke","energy_sum","pulse"';
  it('restarts time and distance per segment: segments go end to end by their end markers, which are not strokes', () => {
    const s = parseRp3Csv(
      lines(head, ',11,1,1,300,300,28,2.0,150,10,10,110,900,1,150', ',11,2,2,0,0,0,600.5,0,2900,0,0,0,0,0', ',21,3,1,0,0,27,0.2,0,0,0,0,0,0,160', ',21,4,2,0,0,0,480,0,0.2,0,0,0,0,0', ',31,5,1,310,310,29,1.5,150,8,8,108,900,1,140', ',31,6,2,0,0,0,600,0,2950,0,0,0,0,0'),
    );
    expect(s.rows).toEqual([
      { tS: 2, stroke: true, distanceM: 10, powerW: 300, strokeRate: 28, paceS500: 110, heartRate: 150 },
      { tS: 600.7, stroke: true, distanceM: 2900, strokeRate: 27, heartRate: 160 }, // power 0 in the file: unknown
      { tS: 1082, stroke: true, distanceM: 2908.2, powerW: 310, strokeRate: 29, paceS500: 108, heartRate: 140 },
    ]);
  });
});

describe('RowPro CSV', () => {
  const file = (segmentRows: string[]): string =>
    lines(
      'Date,Comment,Password,ID,Version,Rowfile_Id',
      '1/12/2016 19:23:10,,,x,,0',
      '',
      'Date,TotalTime,TotalDistance,AvgPace,Unit,Origin,TotalCals,DutyCycle,Type,Format',
      '1/12/2016 19:23:10,5280000,19026,0.27,2,3,1207,33,1,"2x10s"',
      '',
      'Time,Distance,Pace,Watts,Cals,SPM,HR,DutyCycle,Rowfile_Id',
      '2000,10,0.25,180,0.1,0,0,0.33,',
      '9000,40,0.25,180,0.5,24,120,0.33,',
      '1500,8,0.25,181,0.1,25,121,0.33,',
      '9500,45,0.25,182,0.5,25,122,0.33,',
      '',
      'Type,Time,Distance,AvgPace,AvgWatts,Cals,SPM,EndHR,Rowfile_Id,AvgHR',
      ...segmentRows,
    );
  it('puts a rowless rest from the segment table between the clock restarts; pace s/m → s/500 m; HR 0 and SPM 0 unknown', () => {
    const s = parseRowProCsv(file(['3,0,0,0,0,0,0,0,,0', '1,10000,45,0.25,180,1,24,120,,110', '0,60000,0,0,0,0,0,0,,0', '1,10000,45,0.25,181,1,25,122,,120', '0,60000,0,0,0,0,0,0,,0']));
    expect(s.startedAt).toBe('2016-01-12T19:23:10.000Z'); // M/D/Y local time, zone not stated: as UTC
    expect(s.rows.map((r) => r.tS)).toEqual([2, 9, 71.5, 79.5]);
    expect(s.rows.map((r) => r.distanceM)).toEqual([10, 40, 48, 85]); // distance chained over the restart
    expect(s.rows[0]).toEqual({ tS: 2, stroke: true, distanceM: 10, paceS500: 125, powerW: 180 });
  });
  it('reads the segment length from the misaligned work rows of RowPro 2.x ("1,1,<ms>,…")', () => {
    const s = parseRowProCsv(file(['1,1,10000,45,0.25,180,1,24,120,0', '2,0,60000,0,0,0,0,0,0,0', '1,1,10000,45,0.25,181,1,25,122,0']));
    expect(s.rows.map((r) => r.tS)).toEqual([2, 9, 71.5, 79.5]);
    // a rest that was rowed (distance > 0) holds the second stroke segment
    const rowed = parseRowProCsv(file(['1,1,10000,45,0.25,180,1,24,120,0', '2,0,60000,20,0.5,30,1,20,100,0']));
    expect(rowed.rows.map((r) => r.tS)).toEqual([2, 9, 11.5, 19.5]);
  });
  it('lays segments end to end: one segment at 0, a segment fitting the next listed length, skipped rowless ones before it', () => {
    const seg = (ms: number, distanceM = 100) => ({ ms, distanceM });
    expect(segmentStartsMs([118_000], [seg(20_000), seg(40_000)])).toEqual([0]); // one segment: the table is splits, not segments
    expect(segmentStartsMs([1_199_000, 1_198_000], [seg(1_200_000), seg(120_000, 0), seg(1_200_000)])).toEqual([0, 1_320_000]);
    expect(segmentStartsMs([1_199_000, 1_198_000], [seg(1_200_000), seg(120_000), seg(1_200_000)])).toEqual([0, 1_320_000]); // too short to hold it
    expect(segmentStartsMs([420_000, 299_000, 423_000], [seg(423_000), seg(300_000), seg(424_000)])).toEqual([0, 423_000, 723_000]); // rests rowed
    expect(segmentStartsMs([10_000, 12_000], [])).toEqual([0, 10_000]); // no table: end to end
  });
});

describe('Painsled CSV', () => {
  it('raw export: strokeType 1 rows are not strokes; time from driveStartMs less workout.startMs; pace per 1000 m halved', () => {
    const head = 'stroke.REVISION, stroke.driveStartMs, stroke.startIntervalMeter, stroke.startWorkoutMeter, stroke.strokeNumber, stroke.strokeType, stroke.paceSecPer1k, stroke.strokesPerMin, stroke.watts, stroke.hrBpm, workout.startMs, workout.ergModel';
    const s = parsePainsledCsv(
      lines(
        head,
        `4," ""2016-02-21T09:52:20.000Z""",0,0,0,1,0,0,0,69," ""2016-02-21T09:52:18.000Z"""," ""Concept2 PM3"""`,
        `4," ""2016-02-21T09:52:25.500Z""",0,12,1,0,250,24,180,0," ""2016-02-21T09:52:18.000Z"""," ""Concept2 PM3"""`,
        `4," ""2016-02-21T09:52:28.000Z""",0,3,0,0,252,25,178,100," ""2016-02-21T09:52:18.000Z"""," ""Concept2 PM3"""`,
      ),
    );
    expect(s.startedAt).toBe('2016-02-21T09:52:18.000Z');
    expect(s.device).toBe('Concept2 PM3 via Painsled');
    expect(s.rows).toEqual([
      { tS: 7.5, stroke: true, distanceM: 12, paceS500: 125, powerW: 180, strokeRate: 24 },
      { tS: 10, stroke: true, distanceM: 15, paceS500: 126, powerW: 178, strokeRate: 25, heartRate: 100 }, // a new workout: metres restart, chained
    ]);
  });
  it('strokes export: a gap in which the monitor counted strokes and its clock kept pace is a lost link, a stop is not', () => {
    const head = 'TimeStamp (sec), activityIdx, lapIdx, pointIdx, ElapsedTime (sec), Horizontal (meters), Stroke500mPace (sec/500m), Cadence (stokes/min), HRCur (bpm), Power (watts), Calories (kCal), Speed (m/sec), StrokeCount';
    const s = parsePainsledCsv(
      lines(
        head,
        '1000.0, 0, 0, 0, 1.0, 4, 120, 24, 100, 200, 0, 4, 1',
        '1002.5, 0, 0, 1, 3.5, 14, 120, 24, 101, 200, 0, 4, 2',
        '1012.5, 0, 0, 2, 13.5, 54, 120, 24, 102, 200, 0, 4, 6', // 10 s, +4 strokes, clock +10 s: drop-out
        '1042.5, 0, 0, 3, 18.5, 58, 120, 24, 90, 200, 0, 4, 7', // 30 s, clock +5 s: a stop
        '1045.0, 0, 1, 4, 2.5, 8, 120, 24, 95, 200, 0, 4, 8', // new lap: clock and distance restart
      ),
    );
    expect(s.startedAt).toBe(new Date(1_000_000).toISOString());
    expect(s.rows.map((r) => [r.tS, r.linkLostBefore ?? false, r.distanceM])).toEqual([
      [0, false, 4],
      [2.5, false, 14],
      [12.5, true, 54],
      [42.5, false, 58],
      [45, false, 66],
    ]);
  });
});

describe('rowingdata CSV', () => {
  it('reads the rowingdata columns after an unnamed index column', () => {
    const s = parseRowingdataCsv(lines(',TimeStamp (sec), Horizontal (meters), Cadence (stokes/min), HRCur (bpm), Stroke500mPace (sec/500m), Power (watts), ElapsedTime (sec), WorkoutState', '0,1500000000.0,5.0,22.0,0,118.0,220.0,1.0,1', '1,1500000002.7,16.0,23.0,130,117.0,225.0,3.7,1'));
    expect(s.rows).toEqual([
      { tS: 0, stroke: true, distanceM: 5, paceS500: 118, powerW: 220, strokeRate: 22 },
      { tS: expect.closeTo(2.7, 6) as unknown as number, stroke: true, distanceM: 16, paceS500: 117, powerW: 225, strokeRate: 23, heartRate: 130 },
    ]);
  });
});

describe('BoatCoach CSV', () => {
  const head = 'DateTime,workoutType,intervalType,intervalCount,strokeRate,currentHeartRate,workTime,restTime,lastSplitTime,workDistance,lastSplitDistance,stroke500MPace,splitAvg500MPace,totalAvg500MPace,strokePower,splitAvgPower,totalAvgPower,strokeCaloricBurnRate,strokeCount';
  it('a stroke is a row where strokeCount changes; fixed-distance workDistance counts down; the closing zero row is left out', () => {
    const s = parseBoatCoachCsv(
      lines(
        'Workout data for: x    Club: y    Date: 2022-06-13 08:26',
        head,
        '2022-06-13T08:31:36.9-04:00,FixedDistanceSplits,none,0,0,116,0:00:00,0:00:00,0:00:00.0,2000,0,0:02:09,0:02:09,0:02:09,162,162,162,858,0',
        '2022-06-13T08:31:37.9-04:00,FixedDistanceSplits,none,0,55,116,0:00:01,0:00:00,0:00:00.0,1995,0,0:01:44,0:01:53,0:01:53,310,243,243,1367,2',
        '2022-06-13T08:31:38.9-04:00,FixedDistanceSplits,none,0,55,117,0:00:02,0:00:00,0:00:00.0,1991,0,0:01:44,0:01:53,0:01:53,310,243,243,1367,2',
        '2022-06-13T08:31:39.9-04:00,FixedDistanceSplits,none,0,58,118,0:00:03,0:00:00,0:00:00.0,1986,0,0:01:35,0:01:45,0:01:45,406,295,295,1697,3',
        '2022-06-13T08:33:00.0-04:00,FixedDistanceSplits,none,0,0,0,0:00:00,0:00:00,0:00:00.0,0,0,0:00:00,0:00:00,0:00:00,0,0,0,0,0',
      ),
    );
    expect(s.startedAt).toBe('2022-06-13T12:31:36.900Z');
    expect(s.rows).toEqual([
      { tS: 1, stroke: true, distanceM: 5, paceS500: 104, powerW: 310, strokeRate: 55, heartRate: 116 },
      { tS: 3, stroke: true, distanceM: 14, paceS500: 95, powerW: 406, strokeRate: 58, heartRate: 118 },
    ]);
  });
});

describe('ErgData, Concept2 Logbook and PM CSV', () => {
  it('ErgData: no power column (left unknown: to-frames takes it from pace); a first-stroke rate of 0 is unknown', () => {
    const s = parseErgDataCsv(lines('"Stroke Number","Time (seconds)","Distance (meters)","Pace (seconds per 500m","Stroke Rate","Heart Rate"', '"1","3.9","12.0","172.1","0","80"', '"2","7.1","23.0","160.5","20","86"'));
    expect(s.rows).toEqual([
      { tS: 3.9, stroke: true, distanceM: 12, paceS500: 172.1, heartRate: 80 },
      { tS: 7.1, stroke: true, distanceM: 23, paceS500: 160.5, strokeRate: 20, heartRate: 86 },
    ]);
  });
  it('Concept2 Logbook: time and distance restarting per interval are chained end to end', () => {
    const s = parseC2Csv(lines('"Number","Time (seconds)","Distance (meters)","Pace (seconds)","Watts","Cal/Hr","Stroke Rate","Heart Rate"', '1,2.1,8,110.0,263,1200,30,140', '2,59.0,250,105.0,302,1300,31,160', '1,1.9,7,112.0,249,1190,29,150', '2,60.0,248,106.0,294,1290,30,165'));
    expect(s.rows.map((r) => [r.tS, r.distanceM])).toEqual([
      [2.1, 8],
      [59, 250],
      [60.9, 257],
      [119, 498],
    ]);
  });
  it('PM export: clocks for time and split, the summary date with its zone, a blank rate unknown', () => {
    const s = parsePmCsv(lines('Date,Piece,Distance,Split,Watts,Stroke Rate', "2021-04-26 06:37:32 -07:00,15',3521.3,2:07.8,167.7,20", ',,,,,', 'Stroke #,Time,Distance,Split,Watts,Stroke Rate,Drag Factor,Stroke Length,HR', '1,0:01.4,2.9,4:12.5,21.7,,108,103,70', '2,1:04.7,10.5,3:32.0,36.8,19,108,136,0'));
    expect(s.startedAt).toBe('2021-04-26T13:37:32.000Z');
    expect(s.rows).toEqual([
      { tS: 1.4, stroke: true, distanceM: 2.9, paceS500: 252.5, powerW: 21.7, heartRate: 70 },
      { tS: 64.7, stroke: true, distanceM: 10.5, paceS500: 212, powerW: 36.8, strokeRate: 19 },
    ]);
  });
});
