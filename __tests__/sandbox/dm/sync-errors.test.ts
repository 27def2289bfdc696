// DM's sync-unit errors and DM-worker's auto-resume backoff, as pingcap/tiflow release-8.5 builds them.
import {
  AutoResume,
  CHECKER,
  ddlExecuteError,
  dmlExecuteError,
  isResumableError
} from '../../../sandbox/dm/sync-errors.js'
import { generate, ERR, terrorText } from '../../../sandbox/dm/terror.js'

const start = { file: 'mysql-bin.000002', pos: 1605, gtid: '0-1-6' }
const end = { file: 'mysql-bin.000002', pos: 1643, gtid: '0-1-7' }

test('a refused DML: 10006 annotated with its locations, the driver error as RawCause', () => {
  const e = dmlExecuteError(
    "Error 1146 (42S02): Table 'd.t' doesn't exist",
    'INSERT INTO `d`.`t` (`id`) VALUES (?)',
    start,
    end
  )
  expect(terrorText(e)).toBe(
    "[code=10006:class=database:scope=not-set:level=high], Message: startLocation: [position: (mysql-bin.000002, 1605), gtid-set: 0-1-6], endLocation: [position: (mysql-bin.000002, 1643), gtid-set: 0-1-7]: execute statement failed: INSERT INTO `d`.`t` (`id`) VALUES (?), RawCause: Error 1146 (42S02): Table 'd.t' doesn't exist"
  )
  expect(isResumableError(e)).toBe(true)
})

test('a refused DDL: scoped downstream, with the origin SQL', () => {
  const e = ddlExecuteError(
    'Error 1060 (42S21): Duplicate column name',
    'ALTER TABLE t ADD c INT',
    start,
    end
  )
  expect(e.scope).toBe('downstream')
  expect(e.message).toContain(
    '], origin SQL: [ALTER TABLE t ADD c INT]: execute statement failed: ALTER TABLE t ADD c INT'
  )
})

test('resumable or not: decided on RawCause (dm/pkg/retry/errors.go)', () => {
  const dup = dmlExecuteError(
    "Error 1062 (23000): Duplicate entry '1' for key 'PRIMARY'",
    'q',
    start,
    end
  )
  expect(isResumableError(dup)).toBe(false)
  expect(isResumableError(generate(ERR.SyncerGetEvent, 'ERROR 1236 (HY000): x'))).toBe(true)
})

test('auto-resume: waits for the backoff, doubles it up to 5 min, ignores user pauses', () => {
  const ar = new AutoResume(0, () => 1)
  const err = dmlExecuteError('Error 1146 (42S02): x', 'q', start, end)
  const paused = { error: err, userPaused: false }
  expect(ar.check(paused, 500)).toBe('skip')
  expect(ar.check(paused, 1_000)).toBe('dispatch')
  ar.resumed(1_000)
  expect(ar.current()).toBe(2_000)
  expect(ar.check(paused, 2_500)).toBe('skip')
  expect(ar.check(paused, 3_000)).toBe('dispatch')
  expect(ar.check({ error: err, userPaused: true }, 9_000)).toBe('ignore')
  expect(ar.check(null, 9_000)).toBe('ignore')
  for (let i = 0; i < 20; i++) ar.resumed(10_000)
  expect(ar.current()).toBe(CHECKER.backoffMaxMs)
  const dup = dmlExecuteError('Error 1062 (23000): Duplicate entry', 'q', start, end)
  expect(ar.check({ error: dup, userPaused: false }, 10_000_000)).toBe('no-sense')
})
