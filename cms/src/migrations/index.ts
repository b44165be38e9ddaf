import * as migration_20261127_155826_initial from './20261127_155826_initial';

export const migrations = [
  {
    up: migration_20261127_155826_initial.up,
    down: migration_20261127_155826_initial.down,
    name: '20261127_155826_initial'
  },
];
