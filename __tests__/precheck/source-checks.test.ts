import { parseGrants } from '../../src/mysql/grants.js'
import { estimateRun } from '../../src/precheck/estimates.js'
import { evaluatePrecheck, failureMessage } from '../../src/precheck/checks.js'
import { retentionCheck, retainedHours, sourceChecks } from '../../src/precheck/source-checks.js'
import { context, goodFacts, rowOf, sourceSide, withDmContext } from './facts-fixture.js'

const withSource = (src: ReturnType<typeof sourceSide>) =>
  goodFacts({ source: { ok: true, value: src } })

describe('healthy facts', () => {
  test('every check passes, with DM and without', () => {
    for (const ctx of [context(), withDmContext()]) {
      const rows = evaluatePrecheck(goodFacts(), ctx)
      expect(rows.filter((r) => r.status !== 'pass')).toEqual([])
      expect(failureMessage(rows)).toBeUndefined()
    }
  })

  test('each check id appears once', () => {
    const ids = evaluatePrecheck(goodFacts(), withDmContext()).map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('source reachability and binlog', () => {
  test('an unreachable source is one failed row with the connection message, and no other source row', () => {
    const rows = sourceChecks(
      goodFacts({
        source: { ok: false, message: "Cannot connect to the source … Access denied for user 'x'" }
      }),
      context()
    )
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'source.connect',
        status: 'fail',
        reason: expect.stringContaining('Access denied')
      })
    ])
  })

  test('binlog off fails with the cluster parameter group to change, with or without DM', () => {
    for (const ctx of [context(), withDmContext()]) {
      const r = rowOf(
        sourceChecks(withSource(sourceSide({ log_bin: 'OFF' })), ctx),
        'source.binlog'
      )
      expect(r.status).toBe('fail')
      expect(r.reason).toContain("binlog_format=ROW in the DB cluster parameter group 'binlog-on'")
    }
  })

  test('log_bin ON but no SHOW MASTER STATUS row (Aurora with binlog_format OFF) is "off" too', () => {
    const src = sourceSide({}, { position: { ok: true, value: undefined } })
    expect(rowOf(sourceChecks(withSource(src), context()), 'source.binlog').status).toBe('fail')
  })

  test('SHOW MASTER STATUS refused: fail naming REPLICATION CLIENT', () => {
    const src = sourceSide(
      {},
      {
        position: {
          ok: false,
          message:
            'Access denied; you need (at least one of) the SUPER, REPLICATION CLIENT privilege(s)'
        }
      }
    )
    const r = rowOf(sourceChecks(withSource(src), context()), 'source.binlog-status')
    expect(r).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('grant REPLICATION CLIENT')
    })
  })

  test.each([
    ['binlog_format', 'MIXED', 'source.binlog-format'],
    ['binlog_row_image', 'MINIMAL', 'source.binlog-row-image'],
    ['binlog_transaction_compression', 'ON', 'source.binlog-compression']
  ])('%s=%s fails with DM and only warns without', (name, value, id) => {
    const facts = withSource(sourceSide({ [name]: value }))
    expect(rowOf(sourceChecks(facts, withDmContext()), id).status).toBe('fail')
    const without = rowOf(sourceChecks(facts, context()), id)
    expect(without.status).toBe('warn')
    expect(without.reason).toContain("'dm-master-addr' is empty")
  })

  test('server_id 0 fails only with DM; the row is absent without DM', () => {
    const facts = withSource(sourceSide({ server_id: '0' }))
    expect(rowOf(sourceChecks(facts, withDmContext()), 'source.server-id').status).toBe('fail')
    expect(sourceChecks(facts, context()).some((r) => r.id === 'source.server-id')).toBe(false)
  })

  test('Aurora enhanced binlog warns; GTID mode is reported', () => {
    const rows = sourceChecks(
      withSource(sourceSide({ aurora_enhanced_binlog: '1', gtid_mode: 'ON' })),
      context()
    )
    expect(rowOf(rows, 'source.enhanced-binlog').status).toBe('warn')
    expect(rowOf(rows, 'source.gtid').reason).toContain('gtid_mode=ON')
  })

  test('gtid_mode ON_PERMISSIVE is not GTID: DM starts from file and position, and the row says so', () => {
    const rows = sourceChecks(withSource(sourceSide({ gtid_mode: 'ON_PERMISSIVE' })), context())
    expect(rowOf(rows, 'source.gtid').reason).toBe(
      'gtid_mode=ON_PERMISSIVE: DM starts from the binlog file and position (DM uses GTIDs only when gtid_mode is ON)'
    )
  })
})

describe('retention guard', () => {
  const est = estimateRun(200 * 1024 ** 3, 'local') // 200 GiB: export 4.5 h, import 2.1 h → 14 h needed

  test('the need is (export + import) × 1.5 + 4 h', () => {
    expect(est.retentionNeededHours).toBe(Math.ceil((est.exportHours + est.importHours) * 1.5 + 4))
    expect(est.retentionNeededHours).toBe(14)
  })

  test('enough retention passes', () => {
    expect(retentionCheck({ kind: 'aurora', hours: 24 }, est, withDmContext()).status).toBe('pass')
    expect(
      retentionCheck({ kind: 'expire', seconds: null, variable: 'x' }, est, withDmContext()).status
    ).toBe('pass')
  })

  test("Aurora's NULL default counts as no guarantee: warn with the CALL to run, fail with fail-on-short-retention", () => {
    const r = retentionCheck({ kind: 'aurora', hours: null }, est, withDmContext())
    expect(r.status).toBe('warn')
    expect(r.reason).toContain("CALL mysql.rds_set_configuration('binlog retention hours', 14)")
    const strict = withDmContext(() => ({ failOnShortRetention: true }))
    expect(retentionCheck({ kind: 'aurora', hours: 2 }, est, strict).status).toBe('fail')
  })

  test('MySQL expiry too short suggests binlog_expire_logs_seconds', () => {
    const r = retentionCheck(
      { kind: 'expire', seconds: 3600, variable: 'binlog_expire_logs_seconds' },
      est,
      withDmContext()
    )
    expect(r.reason).toContain('SET GLOBAL binlog_expire_logs_seconds = 50400')
  })

  test("a need beyond Aurora's 2160 h maximum says so", () => {
    const huge = estimateRun(200 * 1024 ** 4, 'tidb')
    const r = retentionCheck({ kind: 'aurora', hours: 24 }, huge, withDmContext())
    expect(r.reason).toContain("('binlog retention hours', 2160) (Aurora's maximum")
  })

  test('without DM a short retention is only information', () => {
    const r = retentionCheck({ kind: 'aurora', hours: null }, est, context())
    expect(r.status).toBe('pass')
    expect(r.reason).toContain('Only DM needs it')
  })

  test('unknown retention warns with DM', () => {
    const r = retentionCheck(
      { kind: 'unknown', reason: 'the user may not run CALL mysql.rds_show_configuration' },
      est,
      withDmContext()
    )
    expect(r.status).toBe('warn')
    expect(retainedHours({ kind: 'unknown', reason: '' })).toBeUndefined()
  })
})

describe('privileges', () => {
  const grants = (lines: string[]) => ({ ok: true as const, value: parseGrants(lines) })

  test('SELECT missing on a selected table fails and names the table', () => {
    const src = sourceSide(
      {},
      {
        grants: grants([
          'GRANT SELECT ON `shop`.`orders` TO `m`@`%`',
          'GRANT REPLICATION CLIENT ON *.* TO `m`@`%`'
        ])
      }
    )
    const r = rowOf(sourceChecks(withSource(src), context()), 'source.privileges')
    expect(r.status).toBe('fail')
    expect(r.reason).toContain('SELECT on `shop`.`customers`')
  })

  test('REPLICATION SLAVE is required only with DM', () => {
    const src = sourceSide(
      {},
      { grants: grants(['GRANT SELECT, PROCESS, REPLICATION CLIENT ON *.* TO `m`@`%`']) }
    )
    expect(rowOf(sourceChecks(withSource(src), context()), 'source.privileges').status).toBe('pass')
    const r = rowOf(sourceChecks(withSource(src), withDmContext()), 'source.privileges')
    expect(r).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('REPLICATION SLAVE (DM reads the binlog')
    })
  })

  test('a missing PROCESS only warns', () => {
    const src = sourceSide(
      {},
      { grants: grants(['GRANT SELECT, REPLICATION CLIENT ON *.* TO `m`@`%`']) }
    )
    expect(rowOf(sourceChecks(withSource(src), context()), 'source.privileges').status).toBe('warn')
  })

  test('privileges that may come from roles are a warning, not a failure', () => {
    const src = sourceSide(
      {},
      { grants: grants(['GRANT USAGE ON *.* TO `m`@`%`', 'GRANT `migrator_role`@`%` TO `m`@`%`']) }
    )
    const r = rowOf(sourceChecks(withSource(src), withDmContext()), 'source.privileges')
    expect(r.status).toBe('warn')
    expect(r.reason).toContain('`migrator_role`@`%`')
  })

  test('SHOW MASTER STATUS working proves REPLICATION CLIENT whatever the grants say', () => {
    const src = sourceSide({}, { grants: grants(['GRANT SELECT, PROCESS ON *.* TO `m`@`%`']) })
    expect(rowOf(sourceChecks(withSource(src), context()), 'source.privileges').status).toBe('pass')
  })
})
