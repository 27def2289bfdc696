// The re-run catalogue: what happens when a run meets an earlier or a concurrent run of its key, or a world that
// changed since its state file was written. Each case is one e2e test of the bundled action on the sandbox, named
// here by its file and its exact title (catalogue.test.ts checks that the test exists); the README's "Reliability"
// counts them. Pure data, no jest globals.

/** One re-run case: the e2e test that runs it. */
export interface RerunCase {
  /** The test's title, exactly. */
  readonly name: string
  /** Its file under __tests__/e2e/. */
  readonly file: string
}

export const RERUN_CASES: readonly RerunCase[] = [
  {
    name: 'two runs of one run key at once: one migrates, the other refuses naming the holder; rows arrive once',
    file: 'run-lock.test.ts'
  },
  {
    name: 'a run that failed in the data import is re-run without a second snapshot, export or Dumpling',
    file: 'reruns.test.ts'
  },
  {
    name: 'a re-run after the target database was dropped creates the schema again instead of trusting the run state',
    file: 'reruns.test.ts'
  },
  {
    name: 'a re-run after a cancelled export starts a new export under a derived id and finishes the migration',
    file: 'reruns.test.ts'
  },
  {
    name: 'a reused run-key is refused without resume, and with a changed filter; a new run resumes it with resume: true',
    file: 'reruns.test.ts'
  },
  {
    name: 'resume: true without a run state is an error before any side effect',
    file: 'reruns.test.ts'
  },
  {
    name: 'a run cancelled during the export re-attaches to its export task in the re-run attempt',
    file: 'reruns-attach.test.ts'
  },
  {
    name: 'a re-run whose recorded binlog file was purged refuses to start DM before any DM call',
    file: 'reruns-attach.test.ts'
  },
  {
    name: 'hostile notes in the run-state file are printed inertly on a re-run',
    file: 'hostile-text.test.ts'
  }
]
