import { binlogFileAvailability, purgedBinlogMessage } from '../../src/mysql/binary-logs.js'

const LOGS = [
  'mysql-bin-changelog.018128',
  'mysql-bin-changelog.018129',
  'mysql-bin-changelog.018130'
]

test('a recorded file the source still lists is available', () => {
  expect(binlogFileAvailability(LOGS, 'mysql-bin-changelog.018129')).toEqual({
    available: true,
    oldest: 'mysql-bin-changelog.018128',
    newest: 'mysql-bin-changelog.018130'
  })
})

test('a purged file is not, and the message names it, the oldest kept file and the retention fix', () => {
  const a = binlogFileAvailability(LOGS.slice(1), 'mysql-bin-changelog.018128')
  expect(a.available).toBe(false)
  expect(purgedBinlogMessage('mysql-bin-changelog.018128', a)).toBe(
    'The binlog file mysql-bin-changelog.018128 recorded before the snapshot is no longer on the source (the ' +
      'oldest binary log it keeps is mysql-bin-changelog.018129), so DM cannot replicate the changes made since ' +
      "the snapshot: refusing to start DM. Raise the source's binlog retention (CALL " +
      "mysql.rds_set_configuration('binlog retention hours', 168)) and run the migration again from a new snapshot."
  )
})

test('oldest and newest follow the sequence numbers, not the listing order; an empty list has neither', () => {
  const a = binlogFileAvailability(['b.000010', 'b.000009', 'b.000100'], 'b.000001')
  expect([a.oldest, a.newest]).toEqual(['b.000009', 'b.000100'])
  const none = binlogFileAvailability([], 'b.000001')
  expect(none).toEqual({ available: false, oldest: undefined, newest: undefined })
  expect(purgedBinlogMessage('b.000001', none)).toContain('the source lists no binary log at all')
})
