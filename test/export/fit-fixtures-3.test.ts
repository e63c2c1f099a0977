/** FIT export of every fixture in fixtures/, part 3 of 3 (see fixture-round-trip.ts). */
import { describe } from 'vitest';
import { fixtureRoundTrips } from './fixture-round-trip.js';

describe('FIT export of the fixtures (3/3)', () => fixtureRoundTrips(2, 3));
