import { EXPORT_PRICE, estimateRun, exportCostUsd } from '../../src/precheck/estimates.js'
import { buildPlan, planHeadline, tableRisks } from '../../src/precheck/plan.js'
import { renderSummary } from '../../src/report/summary.js'
import { newReport } from '../../src/report/types.js'
import { col, context, goodFacts, tbl, withCatalog } from './facts-fixture.js'

const GIB = 1024 ** 3

describe('estimates', () => {
  test('durations grow with size; the logical backend is ten times slower', () => {
    expect(estimateRun(0, 'local')).toEqual({
      selectedBytes: 0,
      exportHours: 0.5,
      importHours: 0.1,
      totalHours: 0.6,
      retentionNeededHours: 5
    })
    const local = estimateRun(1000 * GIB, 'local')
    const tidb = estimateRun(1000 * GIB, 'tidb')
    expect(local.exportHours).toBe(20.5)
    expect(local.importHours).toBe(10.1)
    expect(tidb.importHours).toBe(100.1)
    expect(tidb.retentionNeededHours).toBeGreaterThan(local.retentionNeededHours)
  })

  test('export cost is decimal GB × the published price', () => {
    expect(EXPORT_PRICE.usdPerGb).toBe(0.01)
    expect(exportCostUsd(500 * 1000 ** 3)).toBe(5)
    expect(exportCostUsd(-1)).toBe(0)
  })
})

describe('risk flags', () => {
  test('one flag per trap the table has', () => {
    const t = tbl('legacy', 'everything', {
      hasPrimaryKey: false,
      hasUniqueKey: false,
      engine: 'MyISAM',
      collation: 'utf8mb4_0900_ai_ci',
      foreignKeys: 1,
      columns: [
        col('bits', 'bit'),
        col('amount', 'decimal', { numericPrecision: 65 }),
        col('ratio', 'float'),
        col('doc', 'longtext'),
        col('born', 'date', { defaultValue: '0000-00-00' }),
        col('first name', 'varchar')
      ]
    })
    const risks = tableRisks(t)
    expect(risks).toHaveLength(10)
    expect(risks.join('\n')).toMatch(/BIT column bits/)
    expect(risks.join('\n')).toMatch(/skipped by the export/)
    expect(risks.join('\n')).toMatch(/DECIMAL over 38 digits exported as text: amount/)
    expect(risks.join('\n')).toMatch(/needs TiDB v7\.4/)
    expect(tableRisks(tbl('shop', 'orders'))).toEqual([])
  })
})

describe('buildPlan', () => {
  test('per database totals, estimates with their basis, and risky tables only', () => {
    const facts = withCatalog({
      tables: [
        tbl('shop', 'orders', { bytes: 2 * GIB, estimatedRows: 10 }),
        tbl('shop', 'log', { hasUniqueKey: false, estimatedRows: 5 }),
        tbl('crm', 'notes', { estimatedRows: 1 })
      ],
      totalBytes: 10 * GIB
    })
    const plan = buildPlan(facts, context().inputs)
    expect(plan?.databases).toEqual([
      { database: 'shop', tables: 2, estimatedRows: 15, bytes: 2 * GIB + 1024 * 1024 },
      { database: 'crm', tables: 1, estimatedRows: 1, bytes: 1024 * 1024 }
    ])
    expect(plan?.risks).toEqual([
      { table: '`shop`.`log`', risks: [expect.stringContaining('no primary')] }
    ])
    const labels = plan?.estimates.map((e) => e.label)
    expect(labels).toEqual([
      'Export cost',
      'Export duration',
      'Import duration',
      'Binlog retention',
      'Lightning disk (sorted-kv-dir)',
      'S3 footprint',
      'TiKV storage'
    ])
    const cost = plan?.estimates[0]
    expect(cost?.value).toBe('$0.11') // 10 GiB = 10.7 GB × $0.01
    expect(cost?.basis).toContain('aws.amazon.com/rds/aurora/pricing')
    expect(plan?.estimates[3]?.value).toBe('5 h needed; 48 h configured')
    expect(
      planHeadline(
        plan ?? {
          totals: { tables: 0, views: 0, estimatedRows: 0, bytes: 0 },
          databases: [],
          estimates: [],
          risks: []
        }
      )
    ).toBe('3 tables, ~16 rows, 2.0 GiB')
  })

  test('a restored copy adds its own estimate: beside the export, its class for the run’s hours', () => {
    const inputs = context().inputs
    const plan = buildPlan(goodFacts(), {
      ...inputs,
      restore: { ...inputs.restore, mode: 'true', keep: true }
    })
    const copy = plan?.estimates.find((e) => e.label === 'Restored copy')
    expect(copy?.value).toMatch(
      /^~30 min beside the export; db\.t4g\.medium for ~\d+ min and kept after the run \(keep-restored-copy\)$/
    )
    expect(copy?.basis).toContain('AWS publishes no duration')
    expect(buildPlan(goodFacts(), inputs)?.estimates.some((e) => e.label === 'Restored copy')).toBe(
      false
    )
  })

  test('a reused snapshot’s allocated size is what the export is billed for', () => {
    const facts = goodFacts({
      aws: {
        ...goodFacts().aws,
        snapshot: {
          kind: 'found',
          value: {
            identifier: 's',
            arn: 'a',
            clusterIdentifier: 'aurora-1',
            status: 'available',
            engine: 'aurora-mysql',
            createdAt: undefined,
            allocatedGb: 1000
          }
        }
      }
    })
    expect(buildPlan(facts, context().inputs)?.estimates[0]?.value).toBe('$10.74')
  })

  test('no plan without the source', () => {
    expect(
      buildPlan(goodFacts({ source: { ok: false, message: 'x' } }), context().inputs)
    ).toBeUndefined()
  })
})

test('the summary shows the plan, escaping table names', () => {
  const plan = buildPlan(
    withCatalog({ tables: [tbl('a<b>', 'x', { hasUniqueKey: false })] }),
    context().inputs
  )
  const report = newReport('plan')
  if (plan) report.plan = plan
  const html = renderSummary(report)
  expect(html).toContain('<h3>Plan: 1 table, ~1,000 rows, 1.0 MiB</h3>')
  expect(html).toContain('<td>a&lt;b&gt;</td>')
  expect(html).toContain('<th>Estimate</th><th>Value</th><th>Based on</th>')
  expect(html).toContain('<code>`a&lt;b&gt;`.`x`</code>')
  expect(html).not.toContain('<b>`')
})
