import * as migration_20261201_020131_initial from './20261201_020131_initial';

export const migrations = [
  {
    up: migration_20261201_020131_initial.up,
    down: migration_20261201_020131_initial.down,
    name: '20261201_020131_initial'
  },
];
