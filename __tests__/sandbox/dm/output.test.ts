// dmctl's printers pinned to real dmctl outputs (../shared/real-outputs/dmctl): proto field order, 4-space
// indentation, int64 as strings, `[` + newline + indent + `]` for empty arrays, the check-task splice.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { checkTaskOutcome, type CheckResult } from '../../../sandbox/dm/checker.js'
import {
  formatCheckTask,
  formatOperateSource,
  formatOperateTask,
  formatQueryStatus,
  formatStartTask
} from '../../../sandbox/dm/dmctl-output.js'
import { renderJsonpb, type MessageSchema } from '../../../sandbox/dm/jsonpb.js'
import { QueryStatusListResponse, type QueryStatusListResp } from '../../../sandbox/dm/pb.js'
import { quote } from '../../../sandbox/lib/pingcap-log.js'
import { ERR, generate, terrorText } from '../../../sandbox/dm/terror.js'

const DIR = path.resolve(process.cwd(), '../shared/real-outputs/dmctl')
const have = existsSync(DIR)
if (!have) console.warn(`skipping dmctl output tests: ${DIR} is absent`)
const real = (f: string): string => readFileSync(path.join(DIR, f), 'utf8').replace(/\n$/, '')
const t = have ? test : test.skip

/** Keeps only the fields a (valid JSON) sample has, recursively, so an older DM's output can be re-rendered. */
function restrict(schema: MessageSchema, sample: Record<string, unknown>): MessageSchema {
  return schema
    .filter((f) => f.name in sample)
    .map((f) => {
      if (typeof f.kind === 'string') return f
      const v = sample[f.name]
      const first = (Array.isArray(v) ? v[0] : v) as Record<string, unknown> | null | undefined
      return first ? { ...f, kind: restrict(f.kind, first) } : f
    })
}

describe('dmctl output', () => {
  t('operate-source create, as documented', () => {
    expect(
      formatOperateSource({
        result: true,
        msg: '',
        sources: [{ result: true, msg: '', source: 'mysql-replica-01', worker: 'dm-worker-1' }]
      })
    ).toBe(real('operate-source-create-success.txt'))
  })

  t('operate-source show with an unbound source keeps result true with a msg', () => {
    expect(
      formatOperateSource({
        result: true,
        msg: '',
        sources: [
          {
            result: true,
            msg: 'source is added but there is no free worker to bound',
            source: 'mysql-replica-02',
            worker: ''
          },
          { result: true, msg: '', source: 'mysql-replica-01', worker: 'dm-worker-1' }
        ]
      })
    ).toBe(real('operate-source-show-unbound.txt'))
  })

  t('pause-task and resume-task print the op first', () => {
    const sources = [{ result: true, msg: '', source: 'mysql-replica-01', worker: 'worker1' }]
    expect(formatOperateTask({ op: 'Pause', result: true, msg: '', sources })).toBe(
      real('pause-task-success.txt')
    )
    expect(formatOperateTask({ op: 'Resume', result: true, msg: '', sources })).toBe(
      real('resume-task-success.txt')
    )
  })

  t('stop-task has the same shape; current DM sends op Delete where DM 2.0 docs show Stop', () => {
    const sources = [{ result: true, msg: '', source: 'mysql-replica-01', worker: 'worker1' }]
    expect(formatOperateTask({ op: 'Delete', result: true, msg: '', sources })).toBe(
      real('stop-task-success.txt').replace('"op": "Stop"', '"op": "Delete"')
    )
  })

  t('start-task: success and already-exists failure with the empty sources array', () => {
    const withCheck = (text: string, check: string): string =>
      text.replace(/\n}$/, `,\n    "checkResult": "${check}"\n}`)
    expect(
      formatStartTask({
        result: true,
        msg: '',
        sources: [{ result: true, msg: '', source: 'mysql-replica-01', worker: 'worker1' }],
        checkResult: ''
      })
    ).toBe(withCheck(real('start-task-success.txt'), ''))
    const exists = terrorText(generate(ERR.SchedulerSubTaskExist, 'test-infra', ['source-0']))
    expect(
      formatStartTask({
        result: false,
        msg: `check pass!!!${exists}`,
        sources: [],
        checkResult: ''
      })
    ).toBe(withCheck(real('start-task-already-exists-fail.txt'), ''))
  })

  for (const f of [
    'query-status-running-sync.txt',
    'query-status-paused-errors-2sources.txt',
    'query-status-paused-36008-shard.txt'
  ]) {
    t(
      `query-status re-renders ${f} byte for byte (field order, int64 strings, empty arrays)`,
      () => {
        const text = real(f)
        const sample = JSON.parse(text) as Record<string, unknown>
        expect(renderJsonpb(restrict(QueryStatusListResponse, sample), sample)).toBe(text)
      }
    )
  }

  t('query-status without a task name prints the task list with encoding/json', () => {
    const r: QueryStatusListResp = {
      result: true,
      msg: '',
      sources: [
        {
          result: true,
          msg: '',
          sourceStatus: { source: 'mysql-01', worker: 'w', result: null, relayStatus: null },
          subTaskStatus: [
            {
              name: 'test-1',
              stage: 'Running',
              unit: 'Sync',
              result: null,
              unresolvedDDLLockID: '',
              validation: null
            }
          ]
        }
      ]
    }
    expect(formatQueryStatus(r, true)).toBe(real('query-status-list-one-task.txt'))
    expect(formatQueryStatus({ result: true, msg: '', sources: [] }, true)).toBe(
      '{\n    "result": true,\n    "msg": "",\n    "tasks": []\n}'
    )
  })

  t('check-task with warnings only: the detail is spliced raw with its tabs', () => {
    const results: CheckResult[] = [
      {
        id: 7,
        name: 'table structure compatibility check',
        desc: 'check compatibility of table structure',
        state: 'warn',
        errors: [
          {
            severity: 'warn',
            short_error:
              'table `dmctl`.`only_warning` Foreign Key only_warning_ibfk_1 is parsed but ignored'
          }
        ],
        instruction: '',
        extra: ''
      }
    ]
    const out = checkTaskOutcome(results, 10, 10)
    if (!('msg' in out)) throw new Error('warnings must not fail the check')
    const printed = formatCheckTask({ result: true, msg: out.msg })
    expect(printed.startsWith(real('check-task-warn-detail-truncated.txt'))).toBe(true)
    expect(() => JSON.parse(printed) as unknown).toThrow()
  })

  t('a failed pre-check is error 26005 with the detail as json.MarshalIndent("\\t", "\\t")', () => {
    const text = real('check-task-fail-escaped-log-truncated.txt')
    const logged = text.slice(text.indexOf('[error="') + '[error="'.length)
    const results: CheckResult[] = [
      {
        id: 11,
        name: 'mysql_version',
        desc: 'check whether mysql version is satisfied',
        state: 'warn',
        errors: [
          { severity: 'warn', short_error: 'version suggested less than 8.0.0 but got 8.0.30' }
        ],
        instruction: '',
        extra: 'address of db instance - host.docker.internal:3307'
      },
      {
        id: 19,
        name: 'table structure compatibility check',
        desc: 'check compatibility of table structure',
        state: 'fail',
        errors: [
          {
            severity: 'fail',
            short_error:
              'statement CREATE TABLE `t2` (\n  `id` int NOT NULL,\n  `name` varchar(20) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB'
          }
        ],
        instruction: '',
        extra: ''
      }
    ]
    const out = checkTaskOutcome(results, 10, 10)
    if (!('error' in out)) throw new Error('a failed item must fail the check')
    expect(out.error.code).toBe(26005)
    expect(quote(terrorText(out.error)).slice(1).startsWith(logged)).toBe(true)
    const printed = formatCheckTask({
      result: false,
      msg: terrorText({ ...out.error, cls: 'dm-master' })
    })
    expect(printed).toMatch(
      /^{\n {4}"result": false,\n {4}"msg": "\[code=26005:class=dm-master:scope=internal:level=medium\], Message: fail to check synchronization configuration with type: check was failed, please see detail\n {4}\tdetail: {\n\t\t"results": \[/
    )
    expect(printed.endsWith('\n\t}"\n}')).toBe(true)
  })

  test('a passed check-task prints the success text with its trailing space', () => {
    expect(checkTaskOutcome([], 10, 10)).toEqual({ msg: 'pre-check is passed. ' })
    expect(formatCheckTask({ result: true, msg: 'pre-check is passed. ' })).toBe(
      '{\n    "result": true,\n    "msg": "pre-check is passed. "\n}'
    )
  })
})
