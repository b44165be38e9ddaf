import * as migration_20261201_051644_initial from './20261201_051644_initial';

export const migrations = [
  {
    up: migration_20261201_051644_initial.up,
    down: migration_20261201_051644_initial.down,
    name: '20261201_051644_initial'
  },
];
