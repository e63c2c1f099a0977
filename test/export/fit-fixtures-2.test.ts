/** FIT export of every fixture in fixtures/, part 2 of 3 (see fixture-round-trip.ts). */
import { describe } from 'vitest';
import { fixtureRoundTrips } from './fixture-round-trip.js';

describe('FIT export of the fixtures (2/3)', () => fixtureRoundTrips(1, 3));
