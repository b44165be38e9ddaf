import * as migration_20261127_170116_initial from './20261127_170116_initial';

export const migrations = [
  {
    up: migration_20261127_170116_initial.up,
    down: migration_20261127_170116_initial.down,
    name: '20261127_170116_initial'
  },
];
