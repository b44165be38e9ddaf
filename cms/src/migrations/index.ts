import * as migration_20261127_170635_initial from './20261127_170635_initial';

export const migrations = [
  {
    up: migration_20261127_170635_initial.up,
    down: migration_20261127_170635_initial.down,
    name: '20261127_170635_initial'
  },
];
