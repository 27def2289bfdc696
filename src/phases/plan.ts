// Phase `plan` (operation `plan` = precheck + plan): from what the precheck read, the plan a reviewer wants before
// anything runs — sizes per database, estimates with their basis, risk flags — as a section of the job summary
// (report.plan) and as plan.json next to result.json (output `plan-file`). No side effect beyond that local file.
// When prechecks failed, the plan is still written, then the phase fails with the precheck's message.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { buildPlan, planHeadline, tableRisks } from '../precheck/plan.js'
import { resultDir } from '../report/publish.js'
import type { PlanReport } from '../report/types.js'
import { PhaseError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'
import { filterRules } from '../table-filter/parse.js'

/** Where plan.json goes (a function so tests can choose). */
export interface PlanDeps {
  readonly dir: () => string
  readonly now: () => Date
}

const DEFAULT_DEPS: PlanDeps = { dir: resultDir, now: () => new Date() }

/**
 * The plan phase.
 * @param state the precheck's facts (`state.precheck`)
 * @param deps where to write plan.json (tests)
 */
export function planPhase(state: MigrationState, deps: PlanDeps = DEFAULT_DEPS): PhaseBody {
  return {
    id: 'plan',
    title: 'Plan: tables, sizes, estimates',
    async run(ctx) {
      const facts = state.precheck
      const plan: PlanReport | undefined = facts && buildPlan(facts, ctx.inputs)
      if (!facts || !plan) {
        throw new PhaseError(
          'plan',
          state.precheckFailure ?? 'The plan needs the source facts the precheck reads.'
        )
      }
      const unsupported = ctx.report.unsupported ?? []
      ctx.report.plan = { ...plan, unsupported }
      const { inputs } = ctx
      const doc = {
        generatedAt: deps.now().toISOString(),
        runKey: inputs.runKey,
        source: { host: inputs.source.host, port: inputs.source.port, user: inputs.source.user },
        target: { host: inputs.target.host, port: inputs.target.port, user: inputs.target.user },
        aws: {
          region: inputs.aws.region,
          clusterIdentifier: inputs.aws.clusterIdentifier ?? null,
          snapshotIdentifier: inputs.aws.snapshotIdentifier ?? null,
          s3Uri: inputs.aws.s3?.uri ?? null
        },
        filter: filterRules(inputs.filter),
        checks: ctx.report.checks,
        ...plan,
        unsupportedObjects: unsupported,
        leftOut: state.leftOut ?? [],
        tables: facts.source.ok
          ? facts.source.value.catalog.tables.map((t) => ({
              database: t.database,
              table: t.table,
              estimatedRows: t.estimatedRows,
              bytes: t.bytes,
              engine: t.engine,
              hasPrimaryKey: t.hasPrimaryKey,
              hasUniqueKey: t.hasUniqueKey,
              risks: tableRisks(t)
            }))
          : []
      }
      const dir = deps.dir()
      await fs.mkdir(dir, { recursive: true })
      const file = path.join(dir, 'plan.json')
      await fs.writeFile(file, `${JSON.stringify(doc, null, 2)}\n`, 'utf8')
      ctx.setOutput('plan-file', file)
      ctx.log.info(`Plan: ${planHeadline(plan)}; written to ${file}`)
      for (const e of plan.estimates) ctx.log.info(`${e.label}: ${e.value} — ${e.basis}`)
      ctx.record.note = planHeadline(plan)
      ctx.record.numbers.push(
        { label: 'tables', value: plan.totals.tables },
        { label: 'risk flags', value: plan.risks.reduce((n, r) => n + r.risks.length, 0) }
      )
      if (state.precheckFailure !== undefined) throw new PhaseError('plan', state.precheckFailure)
    }
  }
}
