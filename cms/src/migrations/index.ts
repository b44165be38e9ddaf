import * as migration_20261130_174611_initial from './20261130_174611_initial';

export const migrations = [
  {
    up: migration_20261130_174611_initial.up,
    down: migration_20261130_174611_initial.down,
    name: '20261130_174611_initial'
  },
];
