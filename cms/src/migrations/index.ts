import * as migration_20261201_070931_initial from './20261201_070931_initial';

export const migrations = [
  {
    up: migration_20261201_070931_initial.up,
    down: migration_20261201_070931_initial.down,
    name: '20261201_070931_initial'
  },
];
