import {
  checkFailures,
  describeCheckFailure,
  DM_ERROR,
  parseDmctlOutput,
  type DmctlOutput
} from '../../../src/tidb/dm/dmctl-output.js'
import { asArray, asRecord } from '../../../src/tidb/dm/dmctl-values.js'
import { describeReal, fixture, fixtureNames, real, realNames } from './dmctl-samples.js'

/** What a sample must parse to; only the listed fields are checked. */
interface Expect {
  ok: boolean
  result: boolean | undefined
  kind?: string
  code?: number
  msg?: string
  op?: string
  sources?: string[]
  check?: (out: DmctlOutput) => void
}

function expectParsed(out: DmctlOutput, e: Expect): void {
  expect(out.ok).toBe(e.ok)
  expect(out.result).toBe(e.result)
  if (e.ok) expect(out.error).toBeUndefined()
  if (e.kind !== undefined) expect(out.error?.kind).toBe(e.kind)
  if (e.code !== undefined) expect(out.error?.terror?.code).toBe(e.code)
  if (e.msg !== undefined) expect(out.msg).toBe(e.msg)
  if (e.op !== undefined) expect(out.op).toBe(e.op)
  if (e.sources !== undefined)
    expect(out.sources.map((s) => `${s.source}@${s.worker}`)).toEqual(e.sources)
  e.check?.(out)
}

const subtask = (out: DmctlOutput, i: number): Record<string, unknown> | undefined =>
  asRecord(asArray(out.sources[i]?.value['subTaskStatus'])[0])

const REAL: Record<string, Expect> = {
  'check-task-fail-escaped-log-truncated.txt': {
    ok: false,
    result: undefined,
    kind: 'no-result',
    code: DM_ERROR.taskCheck,
    check: (out) => {
      expect(out.error?.terror?.class).toBe('task-check')
      expect(out.error?.message).toMatch(/check was failed, please see detail$/)
      expect(out.checkDetail?.complete).toBe(false)
      const failures = checkFailures(out.checkDetail)
      expect(failures.map((f) => [f.state, f.id, f.name])).toEqual([
        ['fail', 19, 'table structure compatibility check'],
        ['warn', 11, 'mysql_version']
      ])
      // The log escapes the detail once and short_error twice: both levels are undone.
      expect(failures[0]?.errors[0]).toMatch(
        /^statement CREATE TABLE `t2` \(\n {2}`id` int NOT NULL,\n/
      )
      expect(failures[1]?.errors).toEqual(['version suggested less than 8.0.0 but got 8.0.30'])
      expect(failures[1]?.extra).toBe('address of db instance - host.docker.internal:3307')
    }
  },
  'check-task-success-v1.txt': { ok: true, result: true, msg: 'check pass!!!' },
  'check-task-fail-escaped-dm1.0-truncated.txt': {
    ok: false,
    result: false,
    kind: 'result-false',
    // jsonpb escaped the detail inside `msg`: the message keeps DM's words, the detail is read apart.
    msg: 'fail to check synchronization configuration with type CheckFailed:\n check was failed, please see detail',
    check: (out) => {
      expect(out.error?.message).toBe(out.msg)
      expect(out.complete).toBe(false)
      expect(out.repairs).toEqual(
        expect.arrayContaining([
          'skipped text before the JSON document',
          'decoded an escaped pre-check detail'
        ])
      )
      expect(out.checkDetail?.complete).toBe(false)
      expect(out.checkDetail?.results.map((r) => [r.id, r.name, r.state])).toEqual([
        [9, 'table structure compatibility check', 'success'],
        [1, 'mysql_binlog_format', 'success'],
        [3, 'source_db_privilege', 'success']
      ])
      // The failing item lies past the cut: none is invented.
      expect(checkFailures(out.checkDetail)).toEqual([])
    }
  },

  'check-task-warn-detail-truncated.txt': {
    ok: true,
    result: true,
    msg: 'fail to check synchronization configuration with type: no errors but some warnings',
    check: (out) => {
      expect(out.checkDetail?.complete).toBe(false)
      expect(out.checkDetail?.results.map((r) => [r.id, r.name, r.state])).toEqual([
        [7, 'table structure compatibility check', 'warn']
      ])
      const [warn] = checkFailures(out.checkDetail)
      expect(warn?.errors).toEqual(['table `dmctl`.`only_warning` Foreign Key only_wa'])
      expect(out.repairs).toContain('output ends before the document is closed (truncated)')
    }
  },
  'config-source-docs-unterminated.txt': {
    ok: true,
    result: true,
    msg: '',
    check: (out) => {
      // The docs never close the `cfg` string: the document is read as truncated, the YAML is kept as printed.
      expect(out.complete).toBe(false)
      expect(out.repairs).toContain('output ends before the document is closed (truncated)')
      expect(out.cfg).toMatch(
        /^enable-gtid: false\n {6}flavor: mysql\n {6}source-id: mysql-replica-01\n/
      )
      expect(out.cfg).toContain("password: '******'")
    }
  },
  'operate-source-create-success.txt': {
    ok: true,
    result: true,
    msg: '',
    sources: ['mysql-replica-01@dm-worker-1']
  },
  'operate-source-show-unbound.txt': {
    ok: true,
    result: true,
    sources: ['mysql-replica-02@', 'mysql-replica-01@dm-worker-1'],
    check: (out) =>
      expect(out.sources[0]?.msg).toBe('source is added but there is no free worker to bound')
  },
  'pause-task-success.txt': {
    ok: true,
    result: true,
    op: 'Pause',
    sources: ['mysql-replica-01@worker1']
  },
  'resume-task-success.txt': {
    ok: true,
    result: true,
    op: 'Resume',
    sources: ['mysql-replica-01@worker1']
  },
  'stop-task-success.txt': {
    ok: true,
    result: true,
    op: 'Stop',
    sources: ['mysql-replica-01@worker1']
  },
  'start-task-success.txt': { ok: true, result: true, sources: ['mysql-replica-01@worker1'] },
  'query-status-4sources-docs-v8.txt': {
    ok: true,
    result: true,
    msg: '',
    sources: [
      'mysql-replica-01@worker1',
      'mysql-replica-02@worker2',
      'mysql-replica-03@worker3',
      'mysql-replica-04@worker4'
    ],
    check: (out) => {
      // Missing commas between the `synced` strings and a trailing comma after the last source.
      expect(out.repairs).toEqual(['inserted missing commas'])
      expect(out.complete).toBe(true)
      const group = asRecord(asArray(asRecord(subtask(out, 0)?.['sync'])?.['unresolvedGroups'])[0])
      expect(group?.['synced']).toEqual(['`test`.`t2`', '`test`.`t3`', '`test`.`t1`'])
      expect(out.sources[2]?.msg).toBe('') // this source prints no `msg` at all
      expect(subtask(out, 3)?.['dump']).toMatchObject({ completedTables: '3', totalTables: '10' })
    }
  },
  'query-status-annotated-docs.txt': {
    ok: true,
    result: true,
    sources: ['mysql-replica-01@worker1', 'mysql-replica-02@worker2', 'mysql-replica-03@worker3'],
    check: (out) => {
      expect(out.repairs).toEqual(
        expect.arrayContaining([
          'skipped text before the JSON document',
          'removed inline comments',
          'inserted missing commas'
        ])
      )
      const sync = asRecord(subtask(out, 0)?.['sync'])
      const group = asRecord(asArray(sync?.['unresolvedGroups'])[0])
      expect(group?.['synced']).toEqual(['`test`.`t2`', '`test`.`t3`', '`test`.`t1`'])
      expect(sync?.['synced']).toBe(false)
      expect(subtask(out, 1)?.['load']).toEqual({
        finishedBytes: '115',
        totalBytes: '452',
        progress: '25.44 %'
      })
    }
  },
  'query-status-list-one-task.txt': {
    ok: true,
    result: true,
    check: (out) =>
      expect(out.tasks).toEqual([
        {
          name: 'test-1',
          status: 'Running',
          op: '',
          result: undefined,
          msg: '',
          sources: ['mysql-01']
        }
      ])
  },
  'query-status-paused-36008-shard.txt': {
    ok: true,
    result: true,
    sources: ['mysql-replica-01@worker1', 'mysql-replica-02@worker2'],
    check: (out) => expect(subtask(out, 0)?.['stage']).toBe('Paused')
  },
  'query-status-paused-errors-2sources.txt': {
    ok: true,
    result: true,
    sources: ['mysql-replica-01@worker1', 'mysql-replica-02@worker2']
  },
  'query-status-running-2sources-typo.txt': {
    ok: true,
    result: true,
    sources: ['mysql-replica-01@worker1', 'mysql-replica-02@worker2'],
    check: (out) => {
      expect(out.repairs).toContain("dropped an unrecognised literal 'try'")
      expect(asRecord(subtask(out, 0)?.['sync'])?.['synced']).toBe(true)
      // The typo is dropped, not guessed; the fields after it survive.
      const sync = asRecord(subtask(out, 1)?.['sync'])
      expect(sync?.['synced']).toBeUndefined()
      expect(sync?.['binlogType']).toBe('remote')
    }
  },
  'query-status-sync-fragment-zero-gtid-2024.txt': {
    ok: false,
    result: undefined,
    kind: 'no-result',
    // A pasted `sync` member, not an answer: no result, so no success.
    check: (out) => {
      expect(out.error?.message).toBe('dmctl printed no result: "sync": {')
      expect(out.document).toBeUndefined()
    }
  },
  'query-status-task-list-docs-v8.json': {
    ok: true,
    result: true,
    msg: '',
    check: (out) => {
      expect(out.repairs).toEqual([])
      expect(out.tasks?.map((t) => [t.name, t.status, t.sources])).toEqual([
        ['test', 'Running', ['mysql-replica-01', 'mysql-replica-02']],
        ['test2', 'Paused', ['mysql-replica-01', 'mysql-replica-02']]
      ])
    }
  },
  'query-status-running-sync.txt': {
    ok: true,
    result: true,
    sources: ['mysql-replica-01@worker1']
  },
  'start-task-already-exists-fail.txt': {
    ok: false,
    result: false,
    kind: 'result-false',
    code: DM_ERROR.subtaskExists,
    sources: [],
    check: (out) => {
      // The stale `check pass!!!` glued in front is not part of DM's error.
      expect(out.error?.message).toBe(
        '[code=46014:class=scheduler:scope=internal:level=medium], Message: subtasks with name test-infra for sources [source-0] already exist, Workaround: Please use `query-status` command to see tasks.'
      )
      expect(out.error?.terror?.workaround).toBe('Please use `query-status` command to see tasks.')
    }
  },
  'start-task-precheck-fail-aurora-fragment.txt': {
    ok: false,
    result: undefined,
    kind: 'no-result',
    check: (out) => {
      const failures = checkFailures(out.checkDetail)
      expect(failures.map((f) => [f.id, f.state])).toEqual([
        [4, 'fail'],
        [5, 'fail']
      ])
      expect(failures[0]?.errors[0]).toMatch(
        /^line 1 column 285 near "LOAD FROM S3, SELECT INTO S3/
      )
      expect(failures[1]?.extra).toMatch(/rds\.amazonaws\.com$/)
    }
  }
}

describeReal('parseDmctlOutput on observed dmctl output', () => {
  test('every observed sample has an expectation', () => {
    expect(realNames().sort()).toEqual(Object.keys(REAL).sort())
  })
  test.each(Object.entries(REAL))('%s', (name, e) => {
    expectParsed(parseDmctlOutput(real(name)), e)
  })
  test('a clean jsonpb answer needs no repair', () => {
    expect(parseDmctlOutput(real('query-status-running-sync.txt')).repairs).toEqual([])
  })
})

describeReal('parseDmctlOutput against the strings in dmctl source code', () => {
  const code = (name: string): string => real(`from-code/${name}`)

  test('check-task success and header strings', () => {
    const success = /CheckTaskSuccess = "([^"]*)"/.exec(code('check-task-constants.go.txt'))?.[1]
    const header = /CheckTaskMsgHeader = "([^"]*)"/.exec(code('check-task-constants.go.txt'))?.[1]
    expect(success).toBe('pre-check is passed. ')
    const pass = parseDmctlOutput(fixture('check-task-pass-v8.txt'))
    expect(pass.ok).toBe(true)
    expect(pass.msg).toBe(success?.trimEnd())
    const warn = parseDmctlOutput(fixture('check-task-warn-v8.txt'))
    expect(warn.msg.startsWith(`${header}: no errors but some warnings`)).toBe(true)
  })

  test('operate-source failures exit 1 and keep the expected text', () => {
    const expectations = [
      ...code('operate-source-error-expectations.sh.txt').matchAll(/^\t\t"([^"\\]+)" 1$/gm)
    ]
      .map((m) => m[1] ?? '')
      .filter((s) => s !== '')
    expect(expectations).toEqual([
      'error in get file content',
      'source config with ID mysql-replica-01 not exists',
      'invalid operate'
    ])
    // How dmctl prints each: an error returned from RunE goes to stderr; a usage problem is printed on stdout with
    // the generic "please check output to see error" on stderr.
    const runs: [string, string][] = [
      [
        '',
        'Error: error in get file content: open not_exists_config_file: no such file or directory'
      ],
      [
        '',
        'Error: [code=46008:class=scheduler:scope=internal:level=medium], Message: source config with ID mysql-replica-01 not exists'
      ],
      ["invalid operate 'invalid' on worker\n", 'Error: please check output to see error']
    ]
    runs.forEach(([stdout, stderr], i) => {
      const out = parseDmctlOutput(stdout, stderr, 1)
      expect(out.ok).toBe(false)
      expect(out.error?.kind).toBe('exit-code')
      expect(out.error?.message).toContain(expectations[i])
    })
    expect(parseDmctlOutput(runs[1]![0], runs[1]![1], 1).error?.terror?.code).toBe(46008)
  })

  test('pause/resume/stop of an unknown task is result false whatever the exit code', () => {
    const format = /Sprintf\("([^"]+)", req\.Name\)/.exec(
      code('operate-task-unknown-task.go.txt')
    )?.[1]
    expect(format).toBe('task %s has no source or not exist, please check the task name and status')
    const out = parseDmctlOutput(fixture('pause-task-unknown-task.txt'), '', 0)
    expect(out.ok).toBe(false)
    expect(out.op).toBe('Pause')
    expect(out.error).toEqual({
      kind: 'result-false',
      message: format?.replace('%s', 'aurora-task'),
      terror: undefined
    })
  })
})

describe('parseDmctlOutput on our fixtures', () => {
  const FIXTURES: Record<string, Expect> = {
    'check-task-pass-v8.txt': { ok: true, result: true, msg: 'pre-check is passed.' },
    'check-task-fail-v8.txt': {
      ok: false,
      result: false,
      kind: 'result-false',
      code: DM_ERROR.taskCheck,
      msg: '[code=26005:class=dm-master:scope=internal:level=medium], Message: fail to check synchronization configuration with type: check was failed, please see detail',
      check: (out) => {
        expect(out.checkDetail?.complete).toBe(true)
        expect(out.checkDetail?.summary).toEqual({
          passed: false,
          total: 13,
          successful: 10,
          failed: 2,
          warning: 1
        })
        expect(checkFailures(out.checkDetail).map(describeCheckFailure)).toEqual([
          '[fail] source db replication privilege checker (check replication privileges of source DB): lack of REPLICATION SLAVE global (*.*) privilege; lack of REPLICATION CLIENT global (*.*) privilege. Instruction: Please grant the required privileges to the account. (address of db instance - 127.0.0.1:3306)',
          '[fail] mysql_binlog_row_image (check whether mysql binlog_row_image is FULL): binlog_row_image is MINIMAL, and should be FULL. Instruction: please execute `set global binlog_row_image = FULL;` (address of db instance - 127.0.0.1:3306)',
          '[warn] mysql_version (check whether mysql version is satisfied): version suggested at least v5.7.0 but got 5.6.10, and less than v8.0.0 (got "8.0.30" <on Aurora>) (address of db instance - 127.0.0.1:3306)'
        ])
      }
    },
    'check-task-warn-v8.txt': {
      ok: true,
      result: true,
      check: (out) => {
        expect(out.checkDetail?.summary?.passed).toBe(true)
        expect(checkFailures(out.checkDetail).map((f) => f.state)).toEqual(['warn'])
      }
    },
    'start-task-precheck-fail-v8.txt': {
      ok: false,
      result: false,
      kind: 'result-false',
      code: DM_ERROR.taskCheck,
      msg: '',
      sources: [],
      check: (out) => {
        expect(out.checkResult).toMatch(/please see detail$/)
        expect(checkFailures(out.checkDetail)).toHaveLength(3)
      }
    },
    'start-task-success-v8.txt': {
      ok: true,
      result: true,
      sources: ['aurora-01@dm-worker-0'],
      check: (out) => expect(out.checkResult).toBe('pre-check is passed.')
    },
    'stop-task-success-v8.txt': { ok: true, result: true, op: 'Delete' },
    'pause-task-unknown-task.txt': { ok: false, result: false, kind: 'result-false', op: 'Pause' },
    'query-status-unknown-task.txt': { ok: false, result: false, kind: 'result-false' },
    'operate-source-create-exists.txt': {
      ok: false,
      result: false,
      kind: 'result-false',
      code: DM_ERROR.sourceExists
    },
    'get-config-source.txt': {
      ok: true,
      result: true,
      check: (out) => expect(out.cfg).toMatch(/^enable-gtid: false\n.*\n {2}password: '\*{6}'\n/s)
    },
    'get-config-source-not-found.txt': { ok: false, result: false, msg: 'source not found' },
    'operate-source-stop-success.txt': {
      ok: true,
      result: true,
      check: (out) => expect(out.sources.map((s) => s.source)).toEqual(['aurora-01'])
    },
    'operate-source-create-success-v8.txt': {
      ok: true,
      result: true,
      check: (out) => expect(out.sources[0]?.worker).toBe('dm-worker-1')
    },
    'operate-source-stop-tasks-exist.txt': {
      ok: false,
      result: false,
      kind: 'result-false',
      code: DM_ERROR.sourceHasTasks
    },
    'check-task-access-denied-v8.txt': {
      ok: false,
      result: false,
      kind: 'result-false',
      code: 26002
    },
    'query-status-list-running.txt': {
      ok: true,
      result: true,
      check: (out) =>
        expect(out.tasks?.map((t) => [t.name, t.sources])).toEqual([['other-task', ['aurora-01']]])
    },
    'query-status-list-error.txt': {
      ok: true,
      result: true,
      check: (out) =>
        expect(out.tasks?.map((t) => t.status.split(' ')[0])).toEqual(['Error', 'Paused'])
    },
    'query-status-list-empty.txt': {
      ok: true,
      result: true,
      check: (out) => expect(out.tasks).toEqual([])
    },
    'query-status-running-lag-v8.txt': {
      ok: true,
      result: true,
      sources: ['aurora-01@dm-worker-0']
    },
    'query-status-paused-36069-relay-v8.txt': { ok: true, result: true },
    'query-status-running-mariadb-gtid.txt': {
      ok: true,
      result: true,
      sources: ['maria-01@dm-worker-0']
    }
  }

  test('every fixture has an expectation', () => {
    expect(
      fixtureNames()
        .filter((n) => !n.endsWith('.stderr.txt'))
        .sort()
    ).toEqual(Object.keys(FIXTURES).sort())
  })
  test.each(Object.entries(FIXTURES))('%s', (name, e) => {
    expectParsed(parseDmctlOutput(fixture(name)), e)
  })
})

describe('a pre-check detail escaped inside the JSON string (jsonpb, as DM 1.0 printed it)', () => {
  const detail = JSON.stringify(
    {
      results: [
        {
          id: 1,
          name: 'mysql_binlog_format',
          desc: 'check whether mysql binlog_format is ROW',
          state: 'fail',
          errorMsg: 'binlog_format is STATEMENT, and should be ROW',
          instruction: '',
          extra: 'address of db instance - 127.0.0.1:3306'
        }
      ]
    },
    null,
    '\t'
  )
  const header =
    'fail to check synchronization configuration with type: check was failed, please see detail'

  test.each(['msg', 'checkResult'])('%s keeps DM’s words, the detail is read apart', (key) => {
    const doc = { result: false, msg: '', [key]: `${header}\n detail: ${detail}` }
    const out = parseDmctlOutput(JSON.stringify(doc, null, 4))
    expect(key === 'msg' ? out.msg : out.checkResult).toBe(header)
    expect(out.error?.message).toBe(header)
    expect(checkFailures(out.checkDetail).map(describeCheckFailure)).toEqual([
      '[fail] mysql_binlog_format (check whether mysql binlog_format is ROW): binlog_format is STATEMENT, and should be ROW (address of db instance - 127.0.0.1:3306)'
    ])
  })

  test('a message without a detail is left whole', () => {
    const out = parseDmctlOutput('{"result": false, "msg": "see detail: none here  "}')
    expect(out.msg).toBe('see detail: none here')
  })
})

describe('exit codes and stderr', () => {
  test('an unreachable master: exit 1, the Error line on stderr split into DM error fields', () => {
    const out = parseDmctlOutput('', fixture('unreachable-master.stderr.txt'), 1)
    expect(out.ok).toBe(false)
    expect(out.error?.kind).toBe('exit-code')
    expect(out.error?.message).toMatch(
      /^\[code=48001:class=dmctl:scope=internal:level=high\], Message: can not/
    )
    expect(out.error?.terror).toMatchObject({
      code: DM_ERROR.grpcConnection,
      class: 'dmctl',
      scope: 'internal',
      level: 'high',
      message: 'can not create grpc connection',
      rawCause: 'context deadline exceeded',
      workaround: 'Please check your network connection.'
    })
  })

  test('exit != 0 fails even when stdout says result true', () => {
    const out = parseDmctlOutput(fixture('start-task-success-v8.txt'), '', 2)
    expect(out.result).toBe(true)
    expect(out.ok).toBe(false)
    expect(out.error?.message).toBe('dmctl exited with code 2')
  })

  test('a missing master address is reported with dmctl’s own sentence', () => {
    const stderr =
      "Error: --master-addr not provided, this parameter is required when interacting with the dm-master, you can also use environment variable 'DM_MASTER_ADDR' to specify the value. Use `dmctl --help` to see more help messages"
    const out = parseDmctlOutput('', stderr, 1)
    expect(out.error?.message).toBe(stderr.slice('Error: '.length))
    expect(out.error?.terror).toBeUndefined()
  })

  test('exit 0 without any result (signal, empty output) is a failure', () => {
    expect(parseDmctlOutput('\nGot signal [terminated] to exit.\n', '', 0).error).toEqual({
      kind: 'no-result',
      message: 'Got signal [terminated] to exit.',
      terror: undefined
    })
    expect(parseDmctlOutput('', '', 0).error?.message).toBe('dmctl printed nothing')
    expect(parseDmctlOutput('', '', 137).error?.message).toBe('dmctl exited with code 137')
  })

  test('a source answering result false fails the call', () => {
    const stdout = fixture('start-task-success-v8.txt').replace(
      '"result": true,\n            "msg": ""',
      '"result": false,\n            "msg": "[code=40054:class=dm-worker:scope=internal:level=high], Message: sub task with name aurora-task not found"'
    )
    const out = parseDmctlOutput(stdout)
    expect(out.result).toBe(true)
    expect(out.error?.kind).toBe('source-failed')
    expect(out.error?.message).toMatch(/^aurora-01: \[code=40054/)
    expect(out.error?.terror?.code).toBe(40054)
  })

  test('a nested result never stands in for a missing top-level one', () => {
    const out = parseDmctlOutput(
      '{\n    "result": try,\n    "msg": "m",\n    "sources": [{"result": true, "source": "s"}]\n}'
    )
    expect(out.result).toBeUndefined()
    expect(out.error).toEqual({
      kind: 'no-result',
      message: 'dmctl printed no "result" field: m',
      terror: undefined
    })
  })

  test('result is found even when the document does not start a line', () => {
    const out = parseDmctlOutput('dmctl> {"result": false, "msg": "boom"}')
    expect(out.result).toBe(false)
    expect(out.repairs).toContain('took `result` from the text')
  })
})
