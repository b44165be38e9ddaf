import * as migration_20261127_182238_initial from './20261127_182238_initial';

export const migrations = [
  {
    up: migration_20261127_182238_initial.up,
    down: migration_20261127_182238_initial.down,
    name: '20261127_182238_initial'
  },
];
