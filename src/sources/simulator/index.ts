/** The simulator's public surface: synthetic athletes on simulated devices → raw FTMS frames. */
export { athletePresets, defaultAthlete, makeAthlete, p2kFromTimeS, type Athlete } from './athlete.js';
export { simulatedConsoles, HR_SOURCES, PROFILE_NAMES, type SimulatedConsole, type HrSource, type ProfileName } from './simulated-consoles.js';
export type { GapOption } from './emit-frames.js';
export { expectedFatigue as fatigueFactor } from '../../rowing/fatigue.js';
export type { LabelInterval, Labels } from './labels.js';
export { type CounterOffset, resolveSimulateOptions, SimulateOptionsError, simulateDefaults, type RowerOptions, type SimulateOptions } from './simulate-options.js';
export { simulateSession, type SimulatedSession } from './simulate-session.js';
export { simulator$, type SimulatorStreamOptions } from './simulator-source.js';
export { LADDER_RATES_SPM } from './session-plan.js';
export { pieceEstimateS } from './test-piece.js';
