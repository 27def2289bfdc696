// The sandbox's `get-config`: the stored config as YAML with the password masked, readable by the action's comparator.
import { parse } from 'yaml'
import { parseSourceYaml } from '../../../sandbox/dm/config.js'
import { notFound, sourceConfigYaml, taskConfigYaml } from '../../../sandbox/dm/get-config.js'
import { renderJsonpb } from '../../../sandbox/dm/jsonpb.js'
import { GetCfgResponse } from '../../../sandbox/dm/pb.js'
import { compareSourceConfig } from '../../../src/tidb/dm/source-compare.js'
import { parseDmctlOutput } from '../../../src/tidb/dm/dmctl-output.js'

const SOURCE = `source-id: mysql-01
flavor: mariadb
from: {host: 127.0.0.1, port: 3306, user: migrator, password: "p@ss: word"}
`

test('a source prints with the password masked and compares as the same source', () => {
  const yaml = sourceConfigYaml(parseSourceYaml(SOURCE))
  expect(yaml).not.toContain('p@ss')
  expect(parse(yaml)).toMatchObject({
    'source-id': 'mysql-01',
    'enable-gtid': false,
    flavor: 'mariadb',
    from: { host: '127.0.0.1', port: 3306, user: 'migrator', password: '******' }
  })
  const printed = renderJsonpb(GetCfgResponse, { result: true, msg: '', cfg: yaml })
  const wanted = {
    sourceId: 'mysql-01',
    enableGtid: false,
    from: { host: '127.0.0.1', port: 3306, user: 'migrator', password: 'p@ss: word' }
  }
  expect(compareSourceConfig(parseDmctlOutput(printed), wanted).status).toBe('same')
})

test('a task prints with the target password masked; a missing one is "<type> not found"', () => {
  const task = taskConfigYaml(
    'name: t\ntarget-database: {host: h, port: 4000, user: root, password: secret}\n'
  )
  expect(task).not.toContain('secret')
  expect(parse(task)).toMatchObject({ 'target-database': { password: '******' } })
  const printed = renderJsonpb(GetCfgResponse, { ...notFound('source') })
  expect(printed).toBe('{\n    "result": false,\n    "msg": "source not found",\n    "cfg": ""\n}')
})
