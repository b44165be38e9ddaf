import * as migration_20261127_161606_initial from './20261127_161606_initial';

export const migrations = [
  {
    up: migration_20261127_161606_initial.up,
    down: migration_20261127_161606_initial.down,
    name: '20261127_161606_initial'
  },
];
