import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9249:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  t: () => (/* binding */ cleanup)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __nccwpck_require__(4436);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/util/errors.ts
// Error types shared by every part of the action, and one way to turn anything thrown into a message.
//
// The rule (actions-style.md §4.4): throw anywhere, catch once in run(); record first, fail last. A phase fails
// with a PhaseError that carries the tool's own error line and the tail of its output, so the summary can show
// the user what the tool said instead of "exit code 1".
/**
 * The message of anything thrown: an Error's message, a string as is, anything else as JSON (or String()).
 * Never throws and never returns an empty string, so `core.setFailed(errorMessage(e))` always says something.
 */
function errorMessage(e) {
    if (e instanceof Error)
        return e.message || e.name;
    // Error-like objects from another realm (a vm context, a worker) fail instanceof but carry a message.
    if (typeof e === 'object' &&
        e !== null &&
        typeof e.message === 'string') {
        const message = e.message;
        if (message)
            return message;
    }
    if (typeof e === 'string')
        return e || 'unknown error';
    if (e === undefined || e === null)
        return 'unknown error';
    try {
        const json = JSON.stringify(e);
        if (json !== undefined && json !== '{}')
            return json;
    }
    catch {
        // circular or BigInt: fall through to String()
    }
    switch (typeof e) {
        case 'number':
        case 'bigint':
        case 'boolean':
            return String(e);
        default:
            return Object.prototype.toString.call(e);
    }
}
/**
 * The message of an error followed by its `cause` chain ("a: caused by b: caused by c"), for `core.debug`.
 * Stops after 10 links so a cyclic chain cannot hang the report.
 */
function errorChain(e) {
    const parts = [];
    let current = e;
    for (let i = 0; i < 10 && current !== undefined && current !== null; i++) {
        parts.push(errorMessage(current));
        current = current instanceof Error ? current.cause : undefined;
    }
    return parts.join(': caused by ');
}
/** A phase failed. `phase` is the phase id (`schema-export`, `data-import`, …). */
class PhaseError extends Error {
    name = 'PhaseError';
    phase;
    toolLine;
    tail;
    /**
     * @param phase the id of the phase that failed
     * @param message a sentence for the user: what failed and what to do
     * @param details the tool's own error line, the log tail and the cause
     */
    constructor(phase, message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.phase = phase;
        this.toolLine = details.toolLine;
        this.tail = details.tail;
    }
}
/** The run (or one wait inside it) was cancelled: the action got SIGINT/SIGTERM or an AbortSignal fired. */
class CancelledError extends Error {
    name = 'CancelledError';
    /** The process signal that cancelled the run, when there was one. */
    signal;
    /**
     * @param message what was cancelled
     * @param signal the process signal behind it, if any
     */
    constructor(message, signal) {
        super(message);
        this.signal = signal;
    }
}
/** A wait ran past its deadline. `lastSeen` describes the last state observed, for the error message. */
class DeadlineError extends Error {
    name = 'DeadlineError';
    lastSeen;
    /**
     * @param message what timed out, after how long
     * @param lastSeen the last state observed, if any
     */
    constructor(message, lastSeen) {
        super(message);
        this.lastSeen = lastSeen;
    }
}
/** Something this version of the action does not do yet. Fails the run with a clear message instead of pretending. */
class NotImplementedError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'NotImplementedError';
}
/**
 * The error an aborted AbortSignal stands for: its reason when that is an Error, else a CancelledError.
 * @param signal an aborted signal
 * @param what what was being done, for the message
 */
function abortError(signal, what) {
    const reason = signal.reason;
    if (reason instanceof Error && reason.name !== 'AbortError')
        return reason;
    return new CancelledError(`${what} was cancelled`);
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/util/state.ts
// Typed wrappers over core.saveState/getState: what the main step leaves for the post step.
//
// Values are JSON. The main step writes a key again whenever it changes (core appends to $GITHUB_STATE; the last
// value wins); the post step reads them once. Without GITHUB_STATE (a local run, a unit test) there is no post step
// to talk to, so nothing is written: core would otherwise print the retired `::save-state::` command to stdout.

const isString = (v) => typeof v === 'string';
const isObject = (v) => typeof v === 'object' && v !== null;
const VALIDATORS = {
    'temp-files': (v) => Array.isArray(v) && v.every(isString),
    'child-processes': (v) => Array.isArray(v) &&
        v.every((c) => isObject(c) &&
            Number.isInteger(c['pid']) &&
            c['pid'] > 1 &&
            isString(c['command']) &&
            (c['startTime'] === undefined || isString(c['startTime']))),
    'summary-written': (v) => typeof v === 'boolean',
    'running-phases': (v) => Array.isArray(v) &&
        v.every((p) => isObject(p) && isString(p['id']) && isString(p['title']) && isString(p['startedAt'])),
    operation: isString
};
/**
 * Saves a value for the post step. A no-op without GITHUB_STATE (no post step will run).
 * @param key the state key
 * @param value JSON-serialisable value
 */
function state_saveState(key, value) {
    if (!process.env['GITHUB_STATE'])
        return;
    core/* saveState */.LZ(key, JSON.stringify(value));
}
/**
 * Reads a value the main step saved. Missing, unparsable or wrongly shaped values read as undefined (with a debug
 * line), because the post step must never fail on them.
 * @param key the state key
 */
function loadState(key) {
    const raw = core/* getState */.Gu(key);
    if (!raw)
        return undefined;
    try {
        const value = JSON.parse(raw);
        if (VALIDATORS[key](value))
            return value;
        core/* debug */.Yz(`state ${key} has an unexpected shape: ${raw}`);
    }
    catch {
        core/* debug */.Yz(`state ${key} is not JSON: ${raw}`);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/util/temp-files.ts
// Files that hold secrets (tool configs with passwords) live in a private directory under RUNNER_TEMP, are created
// 0600 without following symlinks and without replacing anything, and are recorded in state so the post step
// deletes them even when the main step was killed.




let privateDir;
const recorded = [];
/** The runner's temp directory (RUNNER_TEMP), or the system one for local runs. */
function temp_files_runnerTemp() {
    return process.env['RUNNER_TEMP'] || os.tmpdir();
}
/** Prefix of the private directories this action creates under RUNNER_TEMP; the post step only deletes inside them. */
const PRIVATE_DIR_PREFIX = 'aurora-to-tidb-';
function ensurePrivateDir() {
    // mkdtemp creates the directory 0700 with an unpredictable name, so no other user can plant a symlink in it.
    privateDir ??= mkdtempSync(path.join(temp_files_runnerTemp(), PRIVATE_DIR_PREFIX));
    return privateDir;
}
/**
 * Writes `content` to a new file `name` in this run's private directory, mode 0600, refusing to follow a symlink or
 * to overwrite an existing file, and records it for deletion by the post step.
 * @param name a plain file name (no directory part), e.g. `lightning-data.toml`
 * @param content the text to write
 * @returns the absolute path
 * @throws when the name has a directory part or the file already exists
 */
async function writeSecretFile(name, content) {
    if (!name || name !== path.basename(name) || name === '.' || name === '..') {
        throw new Error(`writeSecretFile needs a plain file name, got '${name}'`);
    }
    const file = path.join(ensurePrivateDir(), name);
    const flags = fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | fsConstants.O_NOFOLLOW;
    const handle = await fs.open(file, flags, 0o600);
    try {
        await handle.writeFile(content, 'utf8');
    }
    finally {
        await handle.close();
    }
    recorded.push(file);
    saveState('temp-files', recorded);
    return file;
}
/** The secret files written so far by this process (oldest first). */
function recordedTempFiles() {
    return [...recorded];
}
/**
 * Deletes the given files if they lie inside a private directory of this action, then the directories themselves
 * when empty. Errors other than "already gone" are returned, not thrown, so the caller can warn and continue.
 * @param files absolute paths, as recorded by {@link writeSecretFile}
 * @returns one message per file that could not be removed
 */
async function removeTempFiles(files) {
    const problems = [];
    const dirs = new Set();
    for (const file of files) {
        const dir = external_node_path_default().dirname(external_node_path_default().resolve(file));
        if (!external_node_path_default().basename(dir).startsWith(PRIVATE_DIR_PREFIX)) {
            problems.push(`${file}: not in a directory this action created; left alone`);
            continue;
        }
        dirs.add(dir);
        try {
            await external_node_fs_.promises.unlink(file);
        }
        catch (e) {
            if (e.code !== 'ENOENT') {
                problems.push(`${file}: ${e.message}`);
            }
        }
    }
    for (const dir of dirs) {
        // rmdir (not rm -r) only removes the directory when nothing else is left in it.
        await external_node_fs_.promises.rmdir(dir).catch(() => undefined);
    }
    const gone = new Set(files);
    const still = recorded.filter((f) => !gone.has(f));
    if (still.length !== recorded.length) {
        recorded.splice(0, recorded.length, ...still);
        state_saveState('temp-files', recorded);
    }
    if (privateDir && dirs.has(privateDir))
        privateDir = undefined;
    return problems;
}

;// CONCATENATED MODULE: ./src/util/format.ts
// Human-readable numbers for logs and the summary. Pure.
/**
 * A duration the way a person reads it: `350 ms`, `4.2 s`, `12m 05s`, `3h 02m 09s`.
 * Negative or non-finite input is shown as `0 ms` rather than nonsense.
 */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '0 ms';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
    const totalSeconds = Math.floor(ms / 1000);
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    const mm = String(m).padStart(2, '0');
    const ss = String(s).padStart(2, '0');
    return h > 0 ? `${h}h ${mm}m ${ss}s` : `${m}m ${ss}s`;
}
const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
/** A byte count in binary units with one decimal: `512 B`, `1.5 KiB`, `12.3 GiB`. */
function formatBytes(bytes) {
    if (!Number.isFinite(bytes) || bytes < 0)
        return '0 B';
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}
/** An integer with thousands separators (`1,234,567`); other numbers as they are. */
function formatCount(n) {
    return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}
/** A count and a noun, the noun in the plural unless the count is 1: `1 table`, `1,024 tables`. */
function plural(n, noun, nouns = `${noun}s`) {
    return `${formatCount(n)} ${n === 1 ? noun : nouns}`;
}

;// CONCATENATED MODULE: ./src/report/html.ts
// The small HTML subset the job summary uses, with escaping done by us: core.summary escapes nothing
// (actions-style.md §2), and tool output, hostnames and table names are outside text.
//
// Every external string goes inside an HTML element, never into Markdown: GitHub does not parse Markdown inside an
// HTML block, so `*`, `_`, `[x](y)` or `#` in a table name stay literal. An HTML block ends at a blank line, so
// outside <pre> newlines become <br>; <pre> blocks may hold blank lines (CommonMark HTML block type 1).
/** Escapes text for HTML element content and attribute values. */
function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
/** Escaped inline text: newlines become <br> so a blank line cannot end the HTML block. */
function inline(text) {
    return escapeHtml(text).replace(/\r?\n/g, '<br>');
}
/** An element with escaped inline text. */
function el(tag, text) {
    return `<${tag}>${inline(text)}</${tag}>`;
}
/** An element whose content is already HTML. */
function raw(tag, html) {
    return `<${tag}>${html}</${tag}>`;
}
/** A table: one header row of escaped text, then rows of ready HTML cells. */
function table(header, rows) {
    const head = `<tr>${header.map((h) => el('th', h)).join('')}</tr>`;
    const body = rows.map((r) => `<tr>${r.map((c) => raw('td', c)).join('')}</tr>`).join('\n');
    return `<table>\n${head}\n${body}\n</table>`;
}
/** A link when the URL is http(s), else the URL as code: we never emit javascript: or data: hrefs. */
function html_link(label, url) {
    if (/^https?:\/\//i.test(url))
        return `<a href="${escapeHtml(url)}">${inline(label)}</a>`;
    return `${inline(label)}: ${el('code', url)}`;
}
/** Preformatted text (a log tail), escaped. Starts its own line so GitHub treats it as an HTML block. */
function pre(lines) {
    return `<pre>${escapeHtml(lines.join('\n'))}</pre>`;
}

;// CONCATENATED MODULE: ./src/report/plan-summary.ts
// The plan's section of the job summary: sizes per database, the estimates with their basis, and risk flags per
// table. Pure; every outside string is escaped (table and database names are user data).


/**
 * Renders the plan.
 * @param plan the plan
 * @param limit the most rows to show per list (databases, risk flags); the rest are in plan.json
 */
function renderPlanSection(plan, limit) {
    const t = plan.totals;
    const parts = [
        el('h3', `Plan: ${plural(t.tables, 'table')}, ~${plural(t.estimatedRows, 'row')}, ${formatBytes(t.bytes)}`),
        el('p', 'Estimates from published figures and stated assumptions, not promises; no side effect was made.')
    ];
    const dbs = plan.databases.slice(0, limit);
    if (dbs.length > 0) {
        parts.push(table(['Database', 'Tables', 'Rows (estimated)', 'Size'], dbs.map((d) => [
            inline(d.database),
            inline(formatCount(d.tables)),
            inline(formatCount(d.estimatedRows)),
            inline(formatBytes(d.bytes))
        ])));
    }
    parts.push(table(['Estimate', 'Value', 'Based on'], plan.estimates.map((e) => [inline(e.label), inline(e.value), inline(e.basis)])));
    if (plan.risks.length > 0) {
        const shown = plan.risks.slice(0, limit);
        const items = shown.map((r) => raw('li', `${el('code', r.table)}: ${inline(r.risks.join('; '))}`));
        if (shown.length < plan.risks.length)
            items.push(el('li', `… and ${plan.risks.length - shown.length} more tables in plan.json`));
        parts.push(el('p', 'Risk flags:'), raw('ul', `\n${items.join('\n')}\n`));
    }
    const cut = plan.databases.length - dbs.length;
    if (cut > 0)
        parts.push(el('p', `${formatCount(cut)} more databases are listed in plan.json.`));
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// renderSummary(report): the job summary as a string. Pure, so it is tested on fixture reports.
//
// GitHub refuses a step summary over 1 MiB (and says so in an error annotation), so the output is capped below
// that: first the variable parts shrink (log tails, the per-table rows, warnings), then, if a pathological report
// is still too big, the text is cut at a line, and a visible note says so and points at result.json.



/** The default cap, bytes: under GitHub's 1 MiB per step, with room for the note. */
const SUMMARY_MAX_BYTES = 1_000_000;
const PHASE_ICON = {
    pending: '⏸️',
    running: '⏳',
    succeeded: '✅',
    failed: '❌',
    skipped: '⏭️',
    cancelled: '🚫'
};
const RUN_ICON = {
    running: '⏳',
    succeeded: '✅',
    failed: '❌',
    cancelled: '🚫'
};
const FULL = { tailLines: Infinity, tableRows: Infinity, warnings: Infinity };
const SHRINK_STEPS = [
    { tailLines: 100, tableRows: 2000, warnings: 200 },
    { tailLines: 50, tableRows: 500, warnings: 50 },
    { tailLines: 20, tableRows: 100, warnings: 20 },
    { tailLines: 10, tableRows: 0, warnings: 10 }
];
function formatNumber(n) {
    if (typeof n.value === 'string')
        return n.value;
    switch (n.unit) {
        case 'bytes':
            return formatBytes(n.value);
        case 'percent':
            return `${n.value}%`;
        case 'seconds':
            return formatDuration(n.value * 1000);
        default:
            return formatCount(n.value);
    }
}
function numbersCell(numbers) {
    return numbers.map((n) => `${inline(n.label)}: ${inline(formatNumber(n))}`).join(' · ');
}
function phaseRow(p, index, total) {
    const status = `${PHASE_ICON[p.status]} ${p.status}`;
    const remark = p.note ? `<br><sub>${inline(p.note)}</sub>` : '';
    return [
        `${index + 1}/${total}`,
        `${inline(p.title)}${remark}`,
        inline(status),
        p.durationMs === undefined ? '' : inline(formatDuration(p.durationMs)),
        numbersCell(p.numbers)
    ];
}
function headline(report) {
    const title = `${RUN_ICON[report.status]} aurora-to-tidb · ${report.operation} · ${report.status}`;
    const facts = [`started ${report.startedAt}`];
    if (report.durationMs !== undefined)
        facts.push(`took ${formatDuration(report.durationMs)}`);
    const lines = [el('h2', title), el('p', facts.join(' · '))];
    if (report.error)
        lines.push(raw('p', `<b>Error:</b> ${inline(report.error)}`));
    return lines.join('\n');
}
function binlogBox(report) {
    const b = report.binlog;
    if (!b)
        return undefined;
    const rows = [
        ['File', el('code', b.file)],
        ['Position', el('code', String(b.position))]
    ];
    if (b.gtid)
        rows.push(['GTID set', el('code', b.gtid)]);
    if (b.capturedBy)
        rows.push(['Captured by', inline(b.capturedBy)]);
    const body = rows.map(([k, v]) => `<tr><th>${inline(k ?? '')}</th><td>${v ?? ''}</td></tr>`);
    return [
        el('h3', 'Binlog position (DM starts here)'),
        `<table>\n${body.join('\n')}\n</table>`
    ].join('\n');
}
const CHECK_ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
function checksSection(report, limit) {
    const all = report.checks;
    if (all.length === 0)
        return undefined;
    // Failures and warnings first: they are what a reader must act on.
    const order = { fail: 0, warn: 1, pass: 2 };
    const sorted = [...all].sort((a, b) => order[a.status] - order[b.status]);
    const shown = sorted.slice(0, limit);
    const rows = shown.map((c) => [
        inline(`${CHECK_ICON[c.status]} ${c.status}`),
        inline(c.title),
        inline(c.reason)
    ]);
    const counts = ['fail', 'warn', 'pass']
        .map((s) => `${all.filter((c) => c.status === s).length} ${s}`)
        .join(' · ');
    const parts = [el('h3', `Prechecks (${counts})`), table(['Result', 'Check', 'Details'], rows)];
    if (shown.length < all.length)
        parts.push(el('p', `${all.length - shown.length} more checks are in result.json.`));
    return parts.join('\n');
}
function tablesSection(report, limit) {
    const all = report.tables;
    if (all.length === 0)
        return { shown: 0 };
    const shown = all.slice(0, limit);
    const rows = shown.map((t) => [
        inline(t.database),
        inline(t.table),
        t.rowsExported === undefined ? '' : inline(formatCount(t.rowsExported)),
        t.rowsImported === undefined ? '' : inline(formatCount(t.rowsImported)),
        inline(t.status) + (t.note ? `<br><sub>${inline(t.note)}</sub>` : '')
    ]);
    const parts = [el('h3', `Tables (${formatCount(all.length)})`)];
    if (rows.length > 0) {
        parts.push(table(['Database', 'Table', 'Rows exported', 'Rows imported', 'Status'], rows));
    }
    if (shown.length < all.length) {
        parts.push(el('p', `${formatCount(all.length - shown.length)} more tables are listed in result.json.`));
    }
    return { html: parts.join('\n'), shown: shown.length };
}
function warningsSection(report, limit) {
    const all = [
        ...report.warnings,
        ...report.phases.flatMap((p) => p.warnings.map((w) => `${p.title}: ${w}`))
    ];
    if (all.length === 0)
        return undefined;
    const items = all.slice(0, limit).map((w) => el('li', w));
    if (all.length > limit)
        items.push(el('li', `… and ${all.length - limit} more in result.json`));
    return [el('h3', `Warnings (${all.length})`), raw('ul', `\n${items.join('\n')}\n`)].join('\n');
}
function failureSections(report, tailLines) {
    return report.phases
        .filter((p) => p.failure !== undefined)
        .map((p) => {
        const f = p.failure;
        if (!f)
            return '';
        const tail = f.tail.slice(Math.max(0, f.tail.length - tailLines));
        const parts = [
            `<details open>`,
            raw('summary', `<b>${inline(p.title)} failed:</b> ${inline(f.message)}`)
        ];
        if (f.toolLine)
            parts.push(raw('p', `The tool said: ${el('code', f.toolLine)}`));
        if (tail.length > 0) {
            const cut = tail.length < f.tail.length ? ` (last ${tail.length} of ${f.tail.length})` : '';
            parts.push(el('p', `Log tail${cut}:`), pre(tail));
        }
        parts.push('</details>');
        return parts.join('\n');
    });
}
function footer(report) {
    const parts = [];
    if (report.links.length > 0) {
        const items = report.links.map((l) => raw('li', html_link(l.label, l.url)));
        parts.push(el('h3', 'Links'), raw('ul', `\n${items.join('\n')}\n`));
    }
    const versions = Object.entries(report.toolVersions);
    if (versions.length > 0) {
        const text = versions.map(([tool, v]) => `${escapeHtml(tool)} ${el('code', v)}`).join(' · ');
        parts.push(raw('p', `<b>Tools:</b> ${text}`));
    }
    return parts.length > 0 ? parts.join('\n') : undefined;
}
function render(report, limits) {
    const sections = [headline(report)];
    if (report.phases.length > 0) {
        const rows = report.phases.map((p, i) => phaseRow(p, i, report.phases.length));
        sections.push(table(['#', 'Phase', 'Status', 'Duration', 'Key numbers'], rows));
    }
    sections.push(...failureSections(report, limits.tailLines));
    const checks = checksSection(report, limits.tableRows === Infinity ? Infinity : Math.max(50, limits.tableRows));
    if (checks)
        sections.push(checks);
    if (report.plan) {
        sections.push(renderPlanSection(report.plan, limits.tableRows === Infinity ? Infinity : Math.max(20, limits.tableRows)));
    }
    const binlog = binlogBox(report);
    if (binlog)
        sections.push(binlog);
    const tables = tablesSection(report, limits.tableRows);
    if (tables.html)
        sections.push(tables.html);
    const warnings = warningsSection(report, limits.warnings);
    if (warnings)
        sections.push(warnings);
    const end = footer(report);
    if (end)
        sections.push(end);
    // Blank lines between blocks: each HTML block starts on its own line, as GitHub needs.
    return { text: `${sections.join('\n\n')}\n`, tablesShown: tables.shown };
}
const bytes = (s) => Buffer.byteLength(s, 'utf8');
function cutNote(report, tablesShown) {
    const tables = tablesShown < report.tables.length
        ? ` (${formatCount(tablesShown)} of ${formatCount(report.tables.length)} tables shown)`
        : '';
    return `\n${raw('p', `<b>Note:</b> this summary was shortened to stay under GitHub’s 1 MiB limit for a step summary${escapeHtml(tables)}; ` + 'log tails and lists were cut. The full report is in result.json (output <code>result-file</code>).')}\n`;
}
/**
 * The job summary of a report: heading, phase table (status, duration, key numbers), the failed phases with the
 * tool's own error line and escaped log tail, the binlog position, per-table rows, warnings, links and tool
 * versions. Every outside string is escaped.
 * @param report the report
 * @param maxBytes cap on the UTF-8 size of the result
 * @returns Markdown/HTML for core.summary.addRaw
 */
function renderSummary(report, maxBytes = SUMMARY_MAX_BYTES) {
    const full = render(report, FULL);
    if (bytes(full.text) <= maxBytes)
        return full.text;
    let last = full;
    for (const limits of SHRINK_STEPS) {
        last = render(report, limits);
        const note = cutNote(report, last.tablesShown);
        if (bytes(last.text) + bytes(note) <= maxBytes)
            return last.text + note;
    }
    // Still too big (enormous messages or phase lists): cut the text at a line boundary.
    const note = cutNote(report, last.tablesShown);
    const room = Math.max(0, maxBytes - bytes(note));
    let cut = Buffer.from(last.text, 'utf8').subarray(0, room).toString('utf8');
    cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n') + 1));
    return cut + note;
}

;// CONCATENATED MODULE: ./src/report/publish.ts
// Publishing a report: result.json on disk, the job summary, and the outputs (outputs.ts). Each publisher is
// independent and never throws for an environment problem, so one failing (no GITHUB_STEP_SUMMARY on a local run)
// does not keep the others from running.






/** The directory for this step's result.json: one per step, so two uses of the action in a job do not collide. */
function resultDir() {
    const step = (process.env['GITHUB_ACTION'] || 'local').replace(/[^\w.-]/g, '_');
    return path.join(runnerTemp(), 'aurora-to-tidb', step);
}
/**
 * Writes the report as JSON to `<RUNNER_TEMP>/aurora-to-tidb/<step>/result.json`, for later steps (upload it as an
 * artifact, feed it to a script).
 * @returns the path written
 */
async function writeResultFile(report) {
    const dir = resultDir();
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, 'result.json');
    await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
    return file;
}
/**
 * Writes the rendered summary to the job summary; on a local run (no GITHUB_STEP_SUMMARY) prints it to the log
 * instead. A failure to write is a warning, never a failed migration.
 * @returns whether the job summary was written
 */
async function writeSummary(report) {
    const text = renderSummary(report);
    if (!process.env['GITHUB_STEP_SUMMARY']) {
        core/* info */.pq('GITHUB_STEP_SUMMARY is not set (a local run?): the summary follows.');
        core/* info */.pq(text);
        return false;
    }
    try {
        await core/* summary */.z.addRaw(text).write();
        return true;
    }
    catch (e) {
        core/* warning */.$e(`Could not write the job summary: ${errorMessage(e)}`);
        return false;
    }
    finally {
        core/* summary */.z.emptyBuffer();
    }
}

;// CONCATENATED MODULE: ./src/report/types.ts
// The report model: everything a run learned, filled in by the phases as they go, then published three ways — the
// job summary (renderSummary), the step outputs (writeOutputs) and result.json (writeResultFile).
// It holds no secrets: phases put only redacted text in it.
/**
 * An empty report for a run that starts now.
 * @param operation the operation input (or `unknown` before inputs are read)
 * @param now the start time
 */
function newReport(operation, now = new Date()) {
    return {
        operation,
        status: 'running',
        startedAt: now.toISOString(),
        phases: [],
        tables: [],
        links: [],
        toolVersions: {},
        outputs: {},
        warnings: [],
        checks: []
    };
}

;// CONCATENATED MODULE: ./src/util/children.ts
// The registry of child processes that are running right now, mirrored into state so the post step can end
// stragglers (a tool still running after the main step was killed). Children are started as process-group leaders,
// so signalling `-pid` reaches the tool and anything it started (tiup → tidb-lightning).


const running = new Map();
/**
 * The start time of a process from /proc/<pid>/stat (clock ticks since boot, field 22), or undefined where there
 * is no /proc or the process is gone. Together with the pid it identifies one process across pid reuse.
 * @param pid process id
 */
function processStartTime(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // Field 2 (comm) is in parentheses and may hold spaces or ')', so count fields after the last ')'.
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return rest[19];
    }
    catch {
        return undefined;
    }
}
function persist() {
    saveState('child-processes', [...running.values()]);
}
/**
 * Records a started child.
 * @param pid its pid (and process-group id)
 * @param command what it runs, for messages
 */
function registerChild(pid, command) {
    running.set(pid, { pid, command, startTime: processStartTime(pid) });
    persist();
}
/** Forgets a child that has exited. */
function unregisterChild(pid) {
    if (running.delete(pid))
        persist();
}
/** The children running now. */
function runningChildren() {
    return [...running.values()];
}
/**
 * Whether the recorded process still runs and is the same process (same start time where that is known).
 * @param child a record from {@link registerChild}
 */
function isStillRunning(child) {
    try {
        process.kill(child.pid, 0);
    }
    catch {
        // ESRCH: gone. EPERM: the pid now belongs to another user's process, so it is not our child any more.
        return false;
    }
    if (child.startTime === undefined)
        return true;
    return processStartTime(child.pid) === child.startTime;
}
/**
 * Sends a signal to a child's process group, falling back to the process alone when it leads no group.
 * @returns false when no such process exists any more
 */
function signalProcessGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch {
        try {
            process.kill(pid, signal);
            return true;
        }
        catch {
            return false;
        }
    }
}

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/util/clock.ts
// Time as a dependency. Everything that waits (poll, retry, heartbeats, the phase runner) takes a Clock so tests
// drive time by hand and never really wait.


/** The real clock. */
const systemClock = {
    now: () => Date.now(),
    async sleep(ms, signal) {
        if (signal?.aborted)
            throw abortError(signal, 'the wait');
        try {
            await (0,promises_namespaceObject.setTimeout)(Math.max(0, ms), undefined, signal ? { signal } : {});
        }
        catch (e) {
            if (signal?.aborted)
                throw abortError(signal, 'the wait');
            throw e;
        }
    },
    every(ms, fn) {
        const timer = setInterval(fn, ms);
        // A heartbeat must not hold the event loop open after the work it reports on has ended.
        timer.unref();
        return () => clearInterval(timer);
    }
};

;// CONCATENATED MODULE: ./src/cleanup.ts
// The post step. It runs after the main step whatever happened to it (post-if: always()), including when the main
// step was cancelled or killed: it deletes the secret-bearing files main recorded, ends child processes main left
// running, and writes a fallback summary if main never wrote one. It never fails the job: every problem is a
// warning. AURORA_TO_TIDB_SKIP_CLEANUP=true keeps files and processes for debugging (the summary is still written).








async function removeRecordedFiles() {
    const files = loadState('temp-files') ?? [];
    if (files.length === 0)
        return;
    const problems = await removeTempFiles(files);
    for (const p of problems)
        core/* warning */.$e(`Could not remove a temporary file: ${p}`);
    core/* info */.pq(`Removed ${files.length - problems.length} temporary file(s) holding credentials.`);
}
async function endStragglers(graceMs, clock) {
    const alive = (loadState('child-processes') ?? []).filter(isStillRunning);
    if (alive.length === 0)
        return;
    for (const child of alive) {
        core/* warning */.$e(`The main step left '${child.command}' (pid ${child.pid}) running; stopping it with SIGTERM.`);
        signalProcessGroup(child.pid, 'SIGTERM');
    }
    let remaining = alive;
    const deadline = clock.now() + graceMs;
    while (remaining.length > 0 && clock.now() < deadline) {
        await clock.sleep(Math.min(100, graceMs));
        remaining = remaining.filter(isStillRunning);
    }
    for (const child of remaining) {
        core/* warning */.$e(`'${child.command}' (pid ${child.pid}) ignored SIGTERM; killing it.`);
        signalProcessGroup(child.pid, 'SIGKILL');
    }
}
async function fallbackSummary() {
    const written = loadState('summary-written');
    if (written === true)
        return;
    // Main saves `false` first thing. No state at all means main died at start on a runner, or this is a local run
    // without GITHUB_STATE, where there is nothing to say.
    if (written === undefined && process.env['GITHUB_ACTIONS'] !== 'true') {
        core/* info */.pq('No state from the main step (a local run?): no fallback summary.');
        return;
    }
    const running = loadState('running-phases') ?? [];
    const report = newReport(loadState('operation') ?? 'unknown');
    report.status = 'cancelled';
    report.phases = running.map((p) => ({
        id: p.id,
        title: p.title,
        status: 'cancelled',
        startedAt: p.startedAt,
        numbers: [],
        warnings: [],
        note: `running since ${p.startedAt}`
    }));
    const during = running.length > 0 ? ` during phase ${running.map((p) => p.title).join(', ')}` : '';
    report.error =
        `The main step was cancelled or killed${during} before it could write its report. ` +
            'Its log shows how far it got; rerun the job to continue.';
    core/* warning */.$e(report.error);
    await writeSummary(report);
}
/**
 * Runs the post step. Never throws and never fails the job.
 * @param opts grace period and clock (tests)
 */
async function cleanup(opts = {}) {
    const graceMs = opts.graceMs ?? 5000;
    const clock = opts.clock ?? systemClock;
    const steps = [];
    if (process.env['AURORA_TO_TIDB_SKIP_CLEANUP'] === 'true') {
        core/* info */.pq('AURORA_TO_TIDB_SKIP_CLEANUP=true: leaving temporary files and processes in place for debugging.');
    }
    else {
        steps.push(['remove temporary files', removeRecordedFiles]);
        steps.push(['stop leftover processes', () => endStragglers(graceMs, clock)]);
    }
    steps.push(['write the fallback summary', fallbackSummary]);
    for (const [what, step] of steps) {
        try {
            await step();
        }
        catch (e) {
            core/* warning */.$e(`Post step could not ${what}: ${errorMessage(e)}`);
        }
    }
}


/***/ }),

/***/ 6661:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9249);
/* harmony import */ var _util_source_mapped_stacks_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5348);
// Entry point of the action's post step (runs even after failure or cancellation).


(0,_util_source_mapped_stacks_js__WEBPACK_IMPORTED_MODULE_1__/* .mapStackTraces */ .D9)();
await (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_0__/* .cleanup */ .t)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5348:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  D9: () => (/* binding */ mapStackTraces)
});

// UNUSED EXPORTS: mappedFrame, mappedStack

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./src/util/source-mapped-stacks.ts
// Stack traces of the bundle that point into src/*.ts, at no cost to the start.
//
// ncc's default, a source-map-support register imported before the bundle, took about 10 ms of every start (issue 9,
// cold start). Node's own source maps (`process.setSourceMapsEnabled`) apply only to files loaded after they are
// turned on, and then read and parse each file's map as the file loads (about 8 ms more at start). Here a file's map
// is read, with Node's SourceMap class, the first time a stack passes through that file: most runs never format one.




/** Parsed maps by generated file; null for a file without a readable map. */
const maps = new Map();
/** The map beside `file` (`<file>.map`, where ncc writes it), parsed once. */
function mapOf(file) {
    let map = maps.get(file);
    if (map === undefined) {
        try {
            map = new external_node_module_namespaceObject.SourceMap(JSON.parse((0,external_node_fs_.readFileSync)(`${file}.map`, 'utf8')));
        }
        catch {
            map = null;
        }
        maps.set(file, map);
    }
    return map;
}
/**
 * One frame as V8 prints it (`fn (file:line:column)`), with the position in the bundle replaced by the position in
 * the source when the bundle file has a map; any other frame unchanged.
 * @param frame a V8 call site
 */
function mappedFrame(frame) {
    const text = frame.toString();
    try {
        return mapped(frame, text);
    }
    catch {
        // A stack must never fail to print (a throwing prepareStackTrace would make `error.stack` throw).
        return text;
    }
}
function mapped(frame, text) {
    const name = frame.getFileName();
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    if (!name || line === null || column === null)
        return text;
    if (!name.startsWith('file:') && !external_node_path_default().isAbsolute(name))
        return text; // node:internal/…, [eval], …
    const file = name.startsWith('file:') ? (0,external_node_url_.fileURLToPath)(name) : name;
    // findEntry gives the mapped position itself; findOrigin would add the column offset inside the bundle's line,
    // which means nothing in the source when the map is by line (as ncc's are).
    const entry = mapOf(file)?.findEntry(line - 1, column - 1);
    if (entry === undefined || !('originalSource' in entry))
        return text;
    const source = external_node_path_default().resolve(external_node_path_default().dirname(file), entry.originalSource);
    return text.replace(`${name}:${line}:${column}`, `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`);
}
/**
 * A stack as V8 formats it (`Name: message` and one `    at …` line per frame), with frames mapped to the sources.
 * Shaped as `Error.prepareStackTrace`.
 * @param error the error (or any object given to Error.captureStackTrace)
 * @param frames its call sites
 */
function mappedStack(error, frames) {
    let header;
    try {
        header = Error.prototype.toString.call(error);
    }
    catch {
        header = 'Error';
    }
    return [header, ...frames.map((f) => `    at ${mappedFrame(f)}`)].join('\n');
}
/** Makes every stack formatted from now on point into the sources (the entry points call it first). */
function mapStackTraces() {
    Error.prepareStackTrace = mappedStack;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 4436:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ debug),
  Gu: () => (/* binding */ getState),
  pq: () => (/* binding */ info),
  LZ: () => (/* binding */ saveState),
  Pq: () => (/* binding */ setSecret),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, error, exportVariable, getBooleanInput, getIDToken, getInput, getMultilineInput, group, isDebug, markdownSummary, notice, platform, setCommandEcho, setFailed, setOutput, startGroup, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

// @actions/exec is imported when getDetails() runs a command, not when @actions/core is loaded.
const loadExec = () => __nccwpck_require__.e(/* import() */ 260).then(__nccwpck_require__.bind(__nccwpck_require__, 1260));
const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield loadExec();
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield loadExec();
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield loadExec();
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





// oidc-utils is imported on first use (below): it brings @actions/http-client and undici, about 1 MiB that every
// action bundling @actions/core would otherwise load at start (actions/toolkit#1621, #1697).
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        const { OidcClient } = yield __nccwpck_require__.e(/* import() */ 936).then(__nccwpck_require__.bind(__nccwpck_require__, 3936));
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(6661);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map