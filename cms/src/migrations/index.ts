import * as migration_20261130_222506_initial from './20261130_222506_initial';

export const migrations = [
  {
    up: migration_20261130_222506_initial.up,
    down: migration_20261130_222506_initial.down,
    name: '20261130_222506_initial'
  },
];
