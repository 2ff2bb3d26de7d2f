import { DateTime } from 'luxon';
import type { Clock } from './ports.js';

export const systemClock: Clock = { now: () => DateTime.utc() };
