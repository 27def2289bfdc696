// The sandbox's environment is a valid set of action inputs: what the demo and every e2e test start from.
import { startHarness, type Harness } from '../helpers/sandbox-harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
}, 60_000)
afterAll(async () => {
  await h.stop()
})

test('the sandbox environment reads as valid migrate inputs pointing at the sandbox', () => {
  const inputs = h.inputs()
  expect(inputs.operation).toBe('migrate')
  expect(inputs.source).toMatchObject({
    host: '127.0.0.1',
    port: h.sb.source.port,
    user: h.sb.source.user
  })
  expect(inputs.target).toMatchObject({
    port: h.sb.target.port,
    statusPort: h.sb.target.statusPort
  })
  expect(inputs.aws).toMatchObject({
    region: 'us-east-1',
    clusterIdentifier: 'sandbox-aurora',
    kmsKeyId: h.sb.kms.keyArn
  })
  expect(inputs.aws.s3).toMatchObject({ bucket: 'sandbox-migrations' })
  expect(inputs.filter.rules.length).toBeGreaterThan(0)
  expect(inputs.dm.masterAddr).toBe(`127.0.0.1:${h.sb.dm.port}`)
})

test('every operation reads with the sandbox environment plus its own inputs', () => {
  expect(h.inputs({ operation: 'plan' }).operation).toBe('plan')
  for (const op of ['status', 'pause', 'resume', 'stop']) {
    expect(h.inputs({ operation: op, 'dm-task-name': 'demo' }).dm.taskName).toBe('demo')
  }
})
