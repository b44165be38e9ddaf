import * as migration_20261127_181232_initial from './20261127_181232_initial';

export const migrations = [
  {
    up: migration_20261127_181232_initial.up,
    down: migration_20261127_181232_initial.down,
    name: '20261127_181232_initial'
  },
];
