// dmctl's printing rules (pingcap/tiflow dm/ctl/common/util.go and dm/ctl/master/*), pure:
//  - every RPC answer goes through jsonpb (`PrettyPrintResponse`);
//  - check-task / start-task answers whose msg / checkResult contains the check header are printed with the raw
//    message spliced into the JSON in place of a placeholder, and `detail: {` indented as `   \tdetail: {`
//    (`PrettyPrintResponseWithCheckTask`): the result is not valid JSON;
//  - `query-status` without task, sources or --more prints the task list with encoding/json, unless a result is false.
import { CHECK_TASK_MSG_HEADER } from './checker.js'
import { renderGoJson, renderJsonpb, type GoJson, type MessageSchema } from './jsonpb.js'
import {
  CheckTaskResponse,
  OperateSourceResponse,
  OperateTaskResponse,
  QueryStatusListResponse,
  StartTaskResponse,
  type CheckTaskResp,
  type OperateSourceResp,
  type OperateTaskResp,
  type QueryStatusListResp,
  type StartTaskResp
} from './pb.js'

const PLACEHOLDER = 'PLACEHOLDER'

function spliced(schema: MessageSchema, value: Record<string, unknown>, field: string): string {
  const v = value[field]
  const raw = typeof v === 'string' ? v : ''
  if (!raw.includes(CHECK_TASK_MSG_HEADER)) return renderJsonpb(schema, value)
  const text = renderJsonpb(schema, { ...value, [field]: PLACEHOLDER })
  return text.replace(PLACEHOLDER, () => raw).replace('detail: {', '   \tdetail: {')
}

/** check-task output. */
export function formatCheckTask(r: CheckTaskResp): string {
  return spliced(CheckTaskResponse, { ...r }, 'msg')
}

/** start-task output. */
export function formatStartTask(r: StartTaskResp): string {
  return spliced(StartTaskResponse, { ...r }, 'checkResult')
}

/** operate-source output. */
export function formatOperateSource(r: OperateSourceResp): string {
  return renderJsonpb(OperateSourceResponse, { ...r })
}

/** pause-task / resume-task / stop-task output. */
export function formatOperateTask(r: OperateTaskResp): string {
  return renderJsonpb(OperateTaskResponse, { ...r })
}

/** The task status rule of `wrapTaskResult`. */
function taskStatus(r: QueryStatusListResp): Map<string, { status: string; sources: string[] }> {
  const out = new Map<string, { status: string; sources: string[] }>()
  for (const src of r.sources) {
    for (const st of src.subTaskStatus) {
      const cur = out.get(st.name) ?? { status: '', sources: [] }
      cur.sources.push(src.sourceStatus.source)
      const hasErr = !!st.result && st.result.errors.length > 0
      if (cur.status.startsWith('Error')) {
        // an error decides the task's status
      } else if (st.stage === 'Paused' && hasErr)
        cur.status = 'Error - Some error occurred in subtask'
      else if (cur.status === 'Paused') {
        // stays paused
      } else if (cur.status === '' || st.stage === 'Paused') cur.status = st.stage
      else if (cur.status !== st.stage) cur.status = 'Running'
      out.set(st.name, cur)
    }
  }
  return out
}

/** query-status output; `listForm` when called without task name, -s and --more. */
export function formatQueryStatus(r: QueryStatusListResp, listForm: boolean): string {
  const anyFalse = !r.result || r.sources.some((s) => !s.result)
  if (listForm && !anyFalse) {
    const tasks: GoJson[] = [...taskStatus(r)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, t]) => {
        const status = t.status.startsWith('Error')
          ? `${t.status}. Please run \`query-status ${name}\` to get more details.`
          : t.status
        const o: Record<string, GoJson> = {}
        if (name) o['taskName'] = name
        if (status) o['taskStatus'] = status
        if (t.sources.length) o['sources'] = t.sources
        return o
      })
    return renderGoJson({ result: r.result, msg: r.msg, tasks })
  }
  return renderJsonpb(QueryStatusListResponse, { ...r })
}
