import * as migration_20261202_003646_initial from './20261202_003646_initial';

export const migrations = [
  {
    up: migration_20261202_003646_initial.up,
    down: migration_20261202_003646_initial.down,
    name: '20261202_003646_initial'
  },
];
