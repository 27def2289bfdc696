// The DM protobuf messages dmctl prints, with their fields in proto order (pingcap/tiflow dm/proto/dmmaster.proto and
// dmworker.proto as of v8.5: SyncStatus without the later ioTotalBytes/dumpIOTotalBytes), plus the TypeScript shapes
// the sandbox's DM-master answers with over its internal HTTP+JSON protocol.
import type { MessageSchema } from './jsonpb.js'

/** `CommonWorkerResponse`. */
export const CommonWorkerResponse: MessageSchema = [
  { name: 'result', kind: 'bool' },
  { name: 'msg', kind: 'string' },
  { name: 'source', kind: 'string' },
  { name: 'worker', kind: 'string' }
]

/** `OperateSourceResponse`. */
export const OperateSourceResponse: MessageSchema = [
  { name: 'result', kind: 'bool' },
  { name: 'msg', kind: 'string' },
  { name: 'sources', kind: CommonWorkerResponse, repeated: true }
]

/** `CheckTaskResponse`. */
export const CheckTaskResponse: MessageSchema = [
  { name: 'result', kind: 'bool' },
  { name: 'msg', kind: 'string' }
]

/** `StartTaskResponse`. */
export const StartTaskResponse: MessageSchema = [
  { name: 'result', kind: 'bool' },
  { name: 'msg', kind: 'string' },
  { name: 'sources', kind: CommonWorkerResponse, repeated: true },
  { name: 'checkResult', kind: 'string' }
]

/** `OperateTaskResponse` (pause-task, resume-task, stop-task). */
export const OperateTaskResponse: MessageSchema = [
  { name: 'op', kind: 'enum' },
  { name: 'result', kind: 'bool' },
  { name: 'msg', kind: 'string' },
  { name: 'sources', kind: CommonWorkerResponse, repeated: true }
]

/** `GetCfgResponse` (get-config). */
export const GetCfgResponse: MessageSchema = [
  { name: 'result', kind: 'bool' },
  { name: 'msg', kind: 'string' },
  { name: 'cfg', kind: 'string' }
]

/** `ProcessError`. */
export const ProcessError: MessageSchema = [
  { name: 'ErrCode', kind: 'int32' },
  { name: 'ErrClass', kind: 'string' },
  { name: 'ErrScope', kind: 'string' },
  { name: 'ErrLevel', kind: 'string' },
  { name: 'Message', kind: 'string' },
  { name: 'RawCause', kind: 'string' },
  { name: 'Workaround', kind: 'string' }
]

/** `ProcessResult`. */
export const ProcessResult: MessageSchema = [
  { name: 'isCanceled', kind: 'bool' },
  { name: 'errors', kind: ProcessError, repeated: true },
  { name: 'detail', kind: 'bytes' }
]

/** `SourceStatus` (relayStatus is always null: the sandbox runs without relay). */
export const SourceStatus: MessageSchema = [
  { name: 'source', kind: 'string' },
  { name: 'worker', kind: 'string' },
  { name: 'result', kind: ProcessResult },
  { name: 'relayStatus', kind: [] }
]

/** `ShardingGroup` (never filled: the sandbox does no shard merging). */
const ShardingGroup: MessageSchema = [
  { name: 'target', kind: 'string' },
  { name: 'DDLs', kind: 'string', repeated: true },
  { name: 'firstLocation', kind: 'string' },
  { name: 'synced', kind: 'string', repeated: true },
  { name: 'unsynced', kind: 'string', repeated: true }
]

/** `SyncStatus` as of DM v8.5. */
export const SyncStatus: MessageSchema = [
  { name: 'totalEvents', kind: 'int64' },
  { name: 'totalTps', kind: 'int64' },
  { name: 'recentTps', kind: 'int64' },
  { name: 'masterBinlog', kind: 'string' },
  { name: 'masterBinlogGtid', kind: 'string' },
  { name: 'syncerBinlog', kind: 'string' },
  { name: 'syncerBinlogGtid', kind: 'string' },
  { name: 'blockingDDLs', kind: 'string', repeated: true },
  { name: 'unresolvedGroups', kind: ShardingGroup, repeated: true },
  { name: 'synced', kind: 'bool' },
  { name: 'binlogType', kind: 'string' },
  { name: 'secondsBehindMaster', kind: 'int64' },
  { name: 'blockDDLOwner', kind: 'string' },
  { name: 'conflictMsg', kind: 'string' },
  { name: 'totalRows', kind: 'int64' },
  { name: 'totalRps', kind: 'int64' },
  { name: 'recentRps', kind: 'int64' }
]

/** `SubTaskStatus`: only `msg` or `sync` of its oneof is ever set here. */
export const SubTaskStatus: MessageSchema = [
  { name: 'name', kind: 'string' },
  { name: 'stage', kind: 'enum' },
  { name: 'unit', kind: 'enum' },
  { name: 'result', kind: ProcessResult },
  { name: 'unresolvedDDLLockID', kind: 'string' },
  { name: 'msg', kind: 'string', oneof: true },
  { name: 'sync', kind: SyncStatus, oneof: true },
  { name: 'validation', kind: [] }
]

/** `QueryStatusResponse` (one per source). */
export const QueryStatusResponse: MessageSchema = [
  { name: 'result', kind: 'bool' },
  { name: 'msg', kind: 'string' },
  { name: 'sourceStatus', kind: SourceStatus },
  { name: 'subTaskStatus', kind: SubTaskStatus, repeated: true }
]

/** `QueryStatusListResponse`. */
export const QueryStatusListResponse: MessageSchema = [
  { name: 'result', kind: 'bool' },
  { name: 'msg', kind: 'string' },
  { name: 'sources', kind: QueryStatusResponse, repeated: true }
]

// ---- values exchanged between dmctl and the sandbox's master --------------------------------------------------

/** `CommonWorkerResponse` value. */
export interface CommonWorkerResp {
  result: boolean
  msg: string
  source: string
  worker: string
}

/** `ProcessError` value. */
export interface ProcessErrorValue {
  ErrCode: number
  ErrClass: string
  ErrScope: string
  ErrLevel: string
  Message: string
  RawCause: string
  Workaround: string
}

/** `ProcessResult` value. */
export interface ProcessResultValue {
  isCanceled: boolean
  errors: ProcessErrorValue[]
  detail: null
}

/** `SyncStatus` value (int64 fields as decimal strings). */
export interface SyncStatusValue {
  totalEvents: string
  totalTps: string
  recentTps: string
  masterBinlog: string
  masterBinlogGtid: string
  syncerBinlog: string
  syncerBinlogGtid: string
  blockingDDLs: string[]
  unresolvedGroups: never[]
  synced: boolean
  binlogType: string
  secondsBehindMaster: string
  blockDDLOwner: string
  conflictMsg: string
  totalRows: string
  totalRps: string
  recentRps: string
}

/** `SubTaskStatus` value. */
export interface SubTaskStatusValue {
  name: string
  stage: string
  unit: string
  result: ProcessResultValue | null
  unresolvedDDLLockID: string
  msg?: string
  sync?: SyncStatusValue
  validation: null
}

/** `QueryStatusResponse` value. */
export interface QueryStatusResp {
  result: boolean
  msg: string
  sourceStatus: { source: string; worker: string; result: null; relayStatus: null }
  subTaskStatus: SubTaskStatusValue[]
}

/** `QueryStatusListResponse` value. */
export interface QueryStatusListResp {
  result: boolean
  msg: string
  sources: QueryStatusResp[]
}

/** `OperateSourceResponse` value. */
export interface OperateSourceResp {
  result: boolean
  msg: string
  sources: CommonWorkerResp[]
}

/** `CheckTaskResponse` value. */
export interface CheckTaskResp {
  result: boolean
  msg: string
}

/** `StartTaskResponse` value. */
export interface StartTaskResp {
  result: boolean
  msg: string
  sources: CommonWorkerResp[]
  checkResult: string
}

/** `OperateTaskResponse` value: op is `Pause`, `Resume` or `Delete` (what stop-task sends since v7.5). */
export interface OperateTaskResp {
  op: 'Pause' | 'Resume' | 'Delete'
  result: boolean
  msg: string
  sources: CommonWorkerResp[]
}

/** `GetCfgResponse` value: `cfg` is the config as YAML, with passwords shown as `******`. */
export interface GetCfgResp {
  result: boolean
  msg: string
  cfg: string
}
