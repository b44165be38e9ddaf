import * as migration_20261201_045745_initial from './20261201_045745_initial';

export const migrations = [
  {
    up: migration_20261201_045745_initial.up,
    down: migration_20261201_045745_initial.down,
    name: '20261201_045745_initial'
  },
];
