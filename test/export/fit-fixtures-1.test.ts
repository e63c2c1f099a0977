/** FIT export of every fixture in fixtures/, part 1 of 3 (see fixture-round-trip.ts). */
import { describe } from 'vitest';
import { fixtureRoundTrips } from './fixture-round-trip.js';

describe('FIT export of the fixtures (1/3)', () => fixtureRoundTrips(0, 3));
