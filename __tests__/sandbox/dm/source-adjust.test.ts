// DM-master's GTID_MODE check of a MySQL source with enable-gtid (pingcap/tiflow dm/config/source_config.go Adjust).
import { gtidModeRefusal } from '../../../sandbox/dm/source-adjust.js'
import { terrorText } from '../../../sandbox/dm/terror.js'

test('only GTID_MODE = ON passes; ON_PERMISSIVE, OFF_PERMISSIVE and OFF are refused with DM’s 26007', () => {
  expect(gtidModeRefusal('aurora-src', 'ON')).toBeUndefined()
  for (const mode of ['ON_PERMISSIVE', 'OFF_PERMISSIVE', 'OFF']) {
    const e = gtidModeRefusal('aurora-src', mode)
    expect(e && terrorText(e)).toBe(
      `[code=26007:class=task-check:scope=internal:level=medium], Message: aurora-src has GTID_MODE = ${mode} instead of ON, Workaround: Please check the \`enable-gtid\` config in source configuration file.`
    )
  }
})
