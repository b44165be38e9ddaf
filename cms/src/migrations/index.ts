import * as migration_20261127_210212_initial from './20261127_210212_initial';
import * as migration_20261130_172734_quarantine_and_request_hash from './20261130_172734_quarantine_and_request_hash';

export const migrations = [
  {
    up: migration_20261127_210212_initial.up,
    down: migration_20261127_210212_initial.down,
    name: '20261127_210212_initial',
  },
  {
    up: migration_20261130_172734_quarantine_and_request_hash.up,
    down: migration_20261130_172734_quarantine_and_request_hash.down,
    name: '20261130_172734_quarantine_and_request_hash'
  },
];
