import * as migration_20261127_203854_initial from './20261127_203854_initial';

export const migrations = [
  {
    up: migration_20261127_203854_initial.up,
    down: migration_20261127_203854_initial.down,
    name: '20261127_203854_initial'
  },
];
