// The layers of src/ as a check (`npm run lint` runs it, so CI does too). Imports go downwards only:
//
//   entry points     src/main.ts, src/post.ts
//   orchestration    src/run.ts, src/cleanup.ts, src/orchestrator/, src/phases/, src/precheck/, src/resume/
//   adapters         src/aws/, src/mysql/, src/tidb/, src/report/
//   vocabulary       src/inputs/, src/table-filter/ (what the user asked for, and which tables that selects)
//   util             src/util/ (no domain code)
//
// Within a layer a folder may use another one as long as no cycle forms (type-only imports count: they are cycles of
// meaning even when the compiler erases them). Among the adapters only tidb/ leans on others, for two shared names:
// the Aurora export's file naming (aws/export-naming.ts, which Lightning's routing rules must match) and the binlog
// file name (mysql/binlog-file.ts, which DM's positions carry). The sandbox imitates the tools and AWS on its own and
// never reads the action's code, and the action never reads the sandbox, the scripts, the bench or the tests.
/** Path patterns of the layers. */
const entry = '^src/(main|post)[.]ts$'
const orchestration = '^src/((run|cleanup)[.]ts$|(orchestrator|phases|precheck|resume)/)'
const adapters = '^src/(aws|mysql|tidb|report)/'
const vocabulary = '^src/(inputs|table-filter)/'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle, type-only imports included.',
      from: {},
      to: { circular: true }
    },
    {
      name: 'util-is-domain-free',
      severity: 'error',
      comment: 'src/util/ holds generic helpers: it imports nothing else from src/.',
      from: { path: '^src/util/' },
      to: { path: '^src/', pathNot: '^src/util/' }
    },
    {
      name: 'table-filter-below-inputs',
      severity: 'error',
      comment:
        'The table filter is a language of its own; the inputs hold a parsed filter, not the other way round.',
      from: { path: '^src/table-filter/' },
      to: { path: '^src/', pathNot: '^src/(table-filter|util)/' }
    },
    {
      name: 'vocabulary-below-adapters',
      severity: 'error',
      comment:
        'src/inputs/ and src/table-filter/ import only each other (inputs → table-filter) and src/util/.',
      from: { path: vocabulary },
      to: { path: '^src/', pathNot: `${vocabulary}|^src/util/` }
    },
    {
      name: 'adapters-below-orchestration',
      severity: 'error',
      comment:
        'Adapters (aws, mysql, tidb, report) never import the run, the phases, prechecks or the resume logic.',
      from: { path: adapters },
      to: { path: `${orchestration}|${entry}` }
    },
    {
      name: 'leaf-adapters',
      severity: 'error',
      comment: 'aws/, mysql/ and report/ import no other adapter.',
      from: { path: '^src/(aws|mysql|report)/' },
      to: { path: adapters, pathNot: '^src/$1/' }
    },
    {
      name: 'tidb-uses-two-shared-names',
      severity: 'error',
      comment:
        'tidb/ uses only the export file naming from aws/ and the binlog file name from mysql/, and nothing of report/.',
      from: { path: '^src/tidb/' },
      to: {
        path: '^src/(aws|mysql|report)/',
        pathNot: '^src/(aws/export-naming|mysql/binlog-file)[.]ts$'
      }
    },
    {
      name: 'orchestration-below-entry-points',
      severity: 'error',
      comment: 'Only the entry points start a run or the post step.',
      from: { path: orchestration },
      to: { path: entry }
    },
    {
      name: 'src-is-the-action-only',
      severity: 'error',
      comment: 'The bundled action never imports the sandbox, the scripts, the bench or the tests.',
      from: { path: '^src/' },
      to: { path: '^(sandbox|scripts|bench|__tests__)/' }
    },
    {
      name: 'sandbox-stands-alone',
      severity: 'error',
      comment:
        'The sandbox imitates AWS and the tools from their public behaviour, never from the action’s own code.',
      from: { path: '^sandbox/' },
      to: { path: '^(src|scripts|bench|__tests__)/' }
    },
    {
      name: 'src-uses-no-dev-dependency',
      severity: 'error',
      comment:
        'The bundle holds src/ and its dependencies; a devDependency would be missing from it.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves.',
      from: {},
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are part of the graph (cycles and layers), though tsc erases them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings']
    },
    reporterOptions: { text: { highlightFocused: true } }
  }
}
