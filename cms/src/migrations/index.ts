import * as migration_20261127_210212_initial from './20261127_210212_initial';
import * as migration_20261130_164602_drop_account_lockout from './20261130_164602_drop_account_lockout';
import * as migration_20261130_164847_erasures from './20261130_164847_erasures';

export const migrations = [
  {
    up: migration_20261127_210212_initial.up,
    down: migration_20261127_210212_initial.down,
    name: '20261127_210212_initial',
  },
  {
    up: migration_20261130_164602_drop_account_lockout.up,
    down: migration_20261130_164602_drop_account_lockout.down,
    name: '20261130_164602_drop_account_lockout'
  },
  {
    up: migration_20261130_164847_erasures.up,
    down: migration_20261130_164847_erasures.down,
    name: '20261130_164847_erasures'
  },
];
