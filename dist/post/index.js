import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4371:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  t: () => (/* binding */ cleanup)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __nccwpck_require__(4436);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __nccwpck_require__(17);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./src/util/state.ts
var state = __nccwpck_require__(2269);
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
        (0,state/* saveState */.L)('temp-files', recorded);
    }
    if (privateDir && dirs.has(privateDir))
        privateDir = undefined;
    return problems;
}

// EXTERNAL MODULE: ./src/util/format.ts
var format = __nccwpck_require__(2693);
;// CONCATENATED MODULE: ./src/report/html.ts
// The small HTML subset the job summary uses, with escaping done by us: core.summary escapes nothing
// (actions/toolkit packages/core/src/summary.ts: wrap() concatenates), and tool output, hostnames and table names are
// outside text.
//
// Every external string goes inside an HTML element, never into Markdown: GitHub does not parse Markdown inside an
// HTML block, so `*`, `_`, `[x](y)` or `#` in a table name stay literal. CommonMark (spec 0.31, "HTML blocks") has
// two kinds that matter here: a block that starts with `<details`, `<table>`, `<p>`… (type 6) ends at the first
// blank line, so outside <pre> newlines become <br>; a block that starts with `<pre` (type 1) runs to the line
// holding `</pre>` and may contain blank lines — but only when `<pre` starts the block's first line. A <pre> inside
// another element is therefore set off by blank lines (see details), never written on the next line of a <details>.
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
/** Preformatted text (a log tail), escaped. Written as a block of its own (see details). */
function pre(lines) {
    return `<pre>${escapeHtml(lines.join('\n'))}</pre>`;
}
/**
 * A <details> block. Its parts are HTML blocks without blank lines, except <pre> blocks, which are set off by blank
 * lines so that each starts a CommonMark HTML block of its own (type 1) and its blank lines stay inside it.
 * @param summary the <summary> content, ready HTML
 * @param parts the body, one ready HTML block each
 * @param open shown unfolded
 */
function details(summary, parts, open = false) {
    const out = [`<details${open ? ' open' : ''}>`, raw('summary', summary)];
    for (const part of parts) {
        if (part.startsWith('<pre>'))
            out.push('', part, '');
        else
            out.push(part);
    }
    out.push('</details>');
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
// The step outputs: stable names, documented in action.yml. Values are strings; JSON where noted.

/** Every output the action sets. */
const OUTPUT_NAMES = [
    'binlog-file',
    'binlog-position',
    'binlog-gtid',
    'recorded-binlog-file',
    'recorded-binlog-position',
    'restored-copy',
    'snapshot-id',
    'export-task-id',
    'export-uri',
    'schema-uri',
    'import-result',
    'rows-imported',
    'tables',
    'verify-result',
    'dm-task',
    'dm-stage',
    'dm-lag-seconds',
    'dm-synced-position',
    'ready-for-cutover',
    'tool-versions',
    'result-file',
    'plan-file',
    'unsupported-objects'
];
/**
 * The most the `tables` output holds, in UTF-8 bytes. GitHub caps one output at 1 MB (and a job's outputs at 1 MB
 * together, per "Workflow syntax for GitHub Actions", jobs.<job_id>.outputs), and near 10,000 tables the list
 * passes that: the output then lists the tables that fit and the summary says where the full list is.
 */
const TABLES_OUTPUT_MAX_BYTES = 512 * 1024;
/** The `tables` output: a JSON list of as many tables as fit in `maxBytes`. Pure. */
function tablesOutput(tables, maxBytes = TABLES_OUTPUT_MAX_BYTES) {
    const parts = [];
    let bytes = 2;
    for (const t of tables) {
        const part = JSON.stringify({
            database: t.database,
            table: t.table,
            rowsExported: t.rowsExported ?? null,
            rowsImported: t.rowsImported ?? null,
            status: t.status,
            ...(t.differingRows?.length ? { differingRows: t.differingRows } : {})
        });
        const size = Buffer.byteLength(part, 'utf8') + (parts.length > 0 ? 1 : 0);
        if (bytes + size > maxBytes)
            break;
        parts.push(part);
        bytes += size;
    }
    return { json: `[${parts.join(',')}]`, listed: parts.length, total: tables.length };
}
/** The sentence for a `tables` output that lists only part of the tables. Pure. */
function tablesCappedMessage(listed, total, resultFile) {
    const where = resultFile === undefined
        ? 'result.json, which could not be written this time (see the warning above)'
        : `result.json (${resultFile}, the \`result-file\` output)`;
    return `The \`tables\` output lists the first ${listed} of ${total} tables: GitHub caps an output at 1 MB. The full list is in ${where}.`;
}
/** Whether a string is a known output name. */
function isOutputName(name) {
    return OUTPUT_NAMES.includes(name);
}
/**
 * The outputs of a report: what phases set explicitly, plus values derived from the report (binlog coordinates,
 * the per-table JSON) when no phase set them. Pure.
 * @param report the report
 * @param resultFile path of result.json, when written
 */
function outputValues(report, resultFile) {
    const out = {};
    if (report.binlog) {
        out['binlog-file'] = report.binlog.file;
        out['binlog-position'] = String(report.binlog.position);
        if (report.binlog.gtid)
            out['binlog-gtid'] = report.binlog.gtid;
    }
    if (report.tables.length > 0)
        out.tables = tablesOutput(report.tables).json;
    for (const [name, value] of Object.entries(report.outputs)) {
        if (isOutputName(name))
            out[name] = value;
    }
    if (report.unsupported !== undefined)
        out['unsupported-objects'] = JSON.stringify(report.unsupported);
    if (Object.keys(report.toolVersions).length > 0)
        out['tool-versions'] = JSON.stringify(report.toolVersions);
    if (resultFile)
        out['result-file'] = resultFile;
    return out;
}
/**
 * Sets every known output the report has a value for.
 * @param report the report
 * @param resultFile path of result.json, when written
 * @returns the outputs set
 */
function writeOutputs(report, resultFile) {
    const values = outputValues(report, resultFile);
    for (const name of OUTPUT_NAMES) {
        const value = values[name];
        if (value !== undefined)
            core.setOutput(name, value);
    }
    return values;
}

;// CONCATENATED MODULE: ./src/report/sections/next-job.ts
// "What the next job needs": the outputs a later job or a person picks up (where DM starts, where the export and
// the schema are, which DM task), near the top, with the output names to use. Shown on failure too: a binlog
// position recorded before the failure is what a retry or a manual DM start needs.


/** The outputs shown, in this order, with a label for people. */
const HANDOFF = [
    ['binlog-file', 'Binlog file (DM starts here)'],
    ['binlog-position', 'Binlog position'],
    ['binlog-gtid', 'GTID set'],
    ['snapshot-id', 'Cluster snapshot'],
    ['export-task-id', 'Export task'],
    ['export-uri', 'Export in S3'],
    ['schema-uri', 'Schema in S3'],
    ['dm-task', 'DM task'],
    ['dm-stage', 'DM stage'],
    ['dm-lag-seconds', 'DM lag, seconds'],
    ['dm-synced-position', 'DM synced up to'],
    ['ready-for-cutover', 'Ready for cut-over'],
    ['plan-file', 'Plan file']
];
/** The hand-off box, when the run produced any of those outputs. */
const nextJobSection = (report) => {
    const values = outputValues(report);
    const rows = HANDOFF.flatMap(([name, label]) => {
        const value = values[name];
        if (value === undefined || value === '')
            return [];
        return [
            `<tr><th>${inline(label)}</th><td>${el('code', value)}</td><td>${el('code', name)}</td></tr>`
        ];
    });
    if (rows.length === 0)
        return undefined;
    const captured = report.binlog?.capturedBy;
    const parts = [
        el('h3', 'What the next job needs'),
        `<table>\n<tr><th></th><th>Value</th><th>Output</th></tr>\n${rows.join('\n')}\n</table>`
    ];
    if (captured)
        parts.push(raw('p', `<sub>Binlog position: ${inline(captured)}.</sub>`));
    return parts.join('\n');
};

;// CONCATENATED MODULE: ./src/report/sections/notes.ts
// The end of the summary: warnings not shown elsewhere, links to what the run created, tool versions.


/** Run and phase warnings, up to the limit. */
const warningsSection = (report, limits) => {
    const all = [
        ...report.warnings,
        ...report.phases.flatMap((p) => p.warnings.map((w) => `${p.title}: ${w}`))
    ];
    if (all.length === 0)
        return undefined;
    const items = all.slice(0, limits.warnings).map((w) => el('li', w));
    if (all.length > limits.warnings)
        items.push(el('li', `… and ${all.length - limits.warnings} more in result.json`));
    return [el('h3', `Warnings (${all.length})`), raw('ul', `\n${items.join('\n')}\n`)].join('\n');
};
/** The tools' full logs: the artifact's link, or where they are on the runner and why they were not uploaded. */
function logsItem(report) {
    const logs = report.logs;
    if (logs === undefined)
        return undefined;
    const what = `Tool logs (${(0,format/* plural */.LS)(logs.files, 'file')}, passwords redacted)`;
    if (logs.artifact?.url)
        return html_link(`${what}: artifact ${logs.artifact.name}`, logs.artifact.url);
    if (logs.artifact)
        return `${inline(`${what}: artifact`)} ${el('code', logs.artifact.name)}`;
    return `${inline(`${what}, ${logs.note ?? 'not uploaded'}:`)} ${el('code', logs.dir)}`;
}
/** Links (http(s) only; anything else as code), the tool logs, and the tools that ran. */
const linksSection = (report) => {
    const parts = [];
    const logs = logsItem(report);
    const items = [
        ...(logs === undefined ? [] : [raw('li', logs)]),
        ...report.links.map((l) => raw('li', html_link(l.label, l.url)))
    ];
    if (items.length > 0)
        parts.push(el('h3', 'Links'), raw('ul', `\n${items.join('\n')}\n`));
    const versions = Object.entries(report.toolVersions);
    if (versions.length > 0) {
        const text = versions.map(([tool, v]) => `${escapeHtml(tool)} ${el('code', v)}`).join(' · ');
        parts.push(raw('p', `<b>Tools:</b> ${text}`));
    }
    return parts.length > 0 ? parts.join('\n') : undefined;
};

;// CONCATENATED MODULE: ./src/report/sections/phases.ts
// The phase table (status, duration, key numbers of every phase) and, for each failed phase, the tool's own error
// line and the end of its output in one <pre>. The run's error is printed once, by the verdict: a failure whose
// message is the run's error is not repeated here.


const PHASE_ICON = {
    pending: '⏸️',
    running: '⏳',
    succeeded: '✅',
    failed: '❌',
    skipped: '⏭️',
    cancelled: '🚫'
};
function formatNumber(n) {
    if (typeof n.value === 'string')
        return n.value;
    switch (n.unit) {
        case 'bytes':
            return (0,format/* formatBytes */.z3)(n.value);
        case 'percent':
            return `${n.value}%`;
        case 'seconds':
            return (0,format/* formatDuration */.a3)(n.value * 1000);
        default:
            return (0,format/* formatCount */.B4)(n.value);
    }
}
function phaseRow(p, index, total) {
    const remark = p.note ? `<br><sub>${inline(p.note)}</sub>` : '';
    return [
        `${index + 1}/${total}`,
        `${inline(p.title)}${remark}`,
        inline(`${PHASE_ICON[p.status]} ${p.status}`),
        p.durationMs === undefined ? '' : inline((0,format/* formatDuration */.a3)(p.durationMs)),
        p.numbers.map((n) => `${inline(n.label)}: ${inline(formatNumber(n))}`).join(' · ')
    ];
}
/** Every phase in run order. */
const phaseTableSection = (report) => {
    const total = report.phases.length;
    if (total === 0)
        return undefined;
    const rows = report.phases.map((p, i) => phaseRow(p, i, total));
    return [
        el('h3', 'Phases'),
        table(['#', 'Phase', 'Status', 'Duration', 'Key numbers'], rows)
    ].join('\n');
};
/** One <details> per failed phase: its message (unless it is the run's error), the tool's line, the log tail. */
const failuresSection = (report, limits) => {
    const blocks = report.phases.flatMap((p) => {
        const f = p.failure;
        if (f === undefined || p.status !== 'failed')
            return [];
        const said = f.message === report.error ? '' : `: ${inline(f.message)}`;
        const parts = [];
        if (f.toolLine && !f.message.includes(f.toolLine))
            parts.push(raw('p', `The tool said: ${el('code', f.toolLine)}`));
        const tail = f.tail.slice(Math.max(0, f.tail.length - limits.tailLines));
        if (tail.length > 0) {
            const cut = tail.length < f.tail.length ? ` (last ${tail.length} of ${f.tail.length})` : '';
            parts.push(el('p', `Log tail${cut}:`), pre(tail));
        }
        if (parts.length === 0 && said === '')
            return [];
        return [details(`<b>${inline(p.title)} failed</b>${said}`, parts, true)];
    });
    return blocks.length > 0 ? blocks.join('\n\n') : undefined;
};

;// CONCATENATED MODULE: ./src/report/unsupported-text.ts
const q = (name) => `\`${name.replaceAll('`', '``')}\``;
const KIND = {
    trigger: 'trigger',
    procedure: 'procedure',
    function: 'function',
    event: 'event',
    'spatial-column': 'spatial column',
    'spatial-index': 'SPATIAL index',
    'fulltext-index': 'FULLTEXT index',
    'column-type': 'column',
    'character-set': 'character set',
    collation: 'collation',
    account: 'account'
};
/** What becomes of it, in a few words. */
const EFFECT_TEXT = {
    'not-migrated': 'not migrated',
    'table-left-out': 'its table is left out',
    'index-dropped': 'the table is created without it'
};
/** Where it is: `` `db`.`table` ``, `` `db` `` or nothing (accounts). */
function unsupportedPlace(o) {
    if (o.database === undefined)
        return '';
    return o.table === undefined ? q(o.database) : `${q(o.database)}.${q(o.table)}`;
}
/**
 * One object as a phrase: `trigger `shop`.`orders`.`stamp` (BEFORE INSERT)`, `spatial column location of
 * `shop`.`stores` (POINT column)`, `account 'app'@'%'`.
 */
function describeUnsupported(o) {
    const kind = KIND[o.kind];
    const place = unsupportedPlace(o);
    switch (o.kind) {
        case 'account':
            return `${kind} ${o.name}`;
        case 'procedure':
        case 'function':
        case 'event':
            return `${kind} ${place}.${q(o.name)}${o.detail === '' ? '' : ` (${o.detail})`}`;
        case 'trigger':
            return `${kind} ${q(o.name)} on ${place} (${o.detail})`;
        default:
            return o.table !== undefined && o.name === o.table
                ? `${place}: ${o.detail}`
                : `${kind} ${q(o.name)} of ${place}: ${o.detail}`;
    }
}

;// CONCATENATED MODULE: ./src/report/sections/plan.ts
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
        el('h3', `Plan: ${(0,format/* plural */.LS)(t.tables, 'table')}, ~${(0,format/* plural */.LS)(t.estimatedRows, 'row')}, ${(0,format/* formatBytes */.z3)(t.bytes)}`),
        el('p', 'Estimates from published figures and stated assumptions, not promises; no side effect was made.')
    ];
    const dbs = plan.databases.slice(0, limit);
    if (dbs.length > 0) {
        parts.push(table(['Database', 'Tables', 'Rows (estimated)', 'Size'], dbs.map((d) => [
            inline(d.database),
            inline((0,format/* formatCount */.B4)(d.tables)),
            inline((0,format/* formatCount */.B4)(d.estimatedRows)),
            inline((0,format/* formatBytes */.z3)(d.bytes))
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
    const unsupported = (plan.unsupported ?? []).filter((o) => o.kind !== 'account');
    if (unsupported.length > 0) {
        const shown = unsupported.slice(0, limit);
        const items = shown.map((o) => el('li', `${describeUnsupported(o)} — ${EFFECT_TEXT[o.effect]}`));
        if (shown.length < unsupported.length)
            items.push(el('li', `… and ${unsupported.length - shown.length} more in plan.json`));
        parts.push(el('p', 'Not migrated (TiDB cannot hold them):'), raw('ul', `\n${items.join('\n')}\n`));
    }
    const cut = plan.databases.length - dbs.length;
    if (cut > 0)
        parts.push(el('p', `${(0,format/* formatCount */.B4)(cut)} more databases are listed in plan.json.`));
    return parts.join('\n');
}
/** The plan, when the run made one (`operation: plan`). */
const planSection = (report, limits) => report.plan && renderPlanSection(report.plan, Math.max(20, limits.tableRows));

;// CONCATENATED MODULE: ./src/report/sections/section.ts
// What every section of the job summary shares: the size limits the renderer shrinks to stay under GitHub's cap,
// and the shape of a section. A section is a pure function of the report; adding one is adding a function to the
// list in summary.ts.

/** At most `limit` items, and a sentence for what was left out (pointing at result.json), when any was. */
function capped(items, limit, what) {
    if (items.length <= limit)
        return { shown: items };
    const left = items.length - limit;
    return {
        shown: items.slice(0, limit),
        more: `${(0,format/* formatCount */.B4)(left)} more ${what} are in result.json.`
    };
}

;// CONCATENATED MODULE: ./src/report/sections/prechecks.ts
// The prechecks: failures and warnings in view (they are what a reader must act on), passes folded.



const CHECK_ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
function checkTable(rows) {
    return table(['Result', 'Check', 'Details'], rows.map((c) => [
        inline(`${CHECK_ICON[c.status]} ${c.status}`),
        inline(c.title),
        inline(c.reason)
    ]));
}
/** Failures first, then warnings, in a table; passes inside a closed <details>. */
const prechecksSection = (report, limits) => {
    const all = report.checks;
    if (all.length === 0)
        return undefined;
    const of = (s) => all.filter((c) => c.status === s);
    const [fail, warn, pass] = [of('fail'), of('warn'), of('pass')];
    const counts = [
        fail.length > 0 ? `${fail.length} failed` : '',
        warn.length > 0 ? (0,format/* plural */.LS)(warn.length, 'warning') : '',
        `${pass.length} passed`
    ].filter(Boolean);
    const parts = [el('h3', `Prechecks (${counts.join(' · ')})`)];
    const limit = Math.max(50, limits.tableRows);
    const needsAction = capped([...fail, ...warn], limit, 'failed or warning checks');
    if (needsAction.shown.length > 0)
        parts.push(checkTable(needsAction.shown));
    if (needsAction.more)
        parts.push(el('p', needsAction.more));
    if (pass.length > 0) {
        const passed = capped(pass, limit, 'passed checks');
        const body = [checkTable(passed.shown), ...(passed.more ? [el('p', passed.more)] : [])];
        parts.push(details(inline(`${pass.length} passed`), body));
    }
    return parts.join('\n');
};

;// CONCATENATED MODULE: ./src/report/sections/tables.ts
// Per-table results: what each selected table got (exported, imported, verified, failed…). Kept on a failed run:
// what finished is shown, with the tables that did not.



/** `12 imported · 1 failed`: how many tables have each status, most common first. */
function statusCounts(rows) {
    const counts = new Map();
    for (const r of rows)
        counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    return [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([status, n]) => `${(0,format/* formatCount */.B4)(n)} ${status}`)
        .join(' · ');
}
/** The tables, up to the row limit. */
const tablesSection = (report, limits) => {
    const all = report.tables;
    if (all.length === 0)
        return undefined;
    const { shown, more } = capped(all, limits.tableRows, 'tables');
    const parts = [el('h3', `Tables (${(0,format/* formatCount */.B4)(all.length)}: ${statusCounts(all)})`)];
    if (shown.length > 0) {
        const rows = shown.map((t) => [
            inline(t.database),
            inline(t.table),
            t.rowsExported === undefined ? '' : inline((0,format/* formatCount */.B4)(t.rowsExported)),
            t.rowsImported === undefined ? '' : inline((0,format/* formatCount */.B4)(t.rowsImported)),
            inline(t.status) + (t.note ? `<br><sub>${inline(t.note)}</sub>` : '')
        ]);
        parts.push(table(['Database', 'Table', 'Rows exported', 'Rows imported', 'Status'], rows));
    }
    if (more)
        parts.push(el('p', more));
    return parts.join('\n');
};

;// CONCATENATED MODULE: ./src/report/sections/unsupported.ts
// What TiDB cannot hold, near the top of the summary (after the verdict): a ✅ run still left these behind, and a
// reader must see them before the tables. One row per object: what and where, what TiDB lacks, what became of it.
// Accounts are folded into one line (every server has some; they are never migrated). Pure.




const KIND_TEXT = {
    trigger: 'Trigger',
    procedure: 'Stored procedure',
    function: 'Stored function',
    event: 'Event',
    'spatial-column': 'Spatial column',
    'spatial-index': 'SPATIAL index',
    'fulltext-index': 'FULLTEXT index',
    'column-type': 'Column type',
    'character-set': 'Character set',
    collation: 'Collation',
    account: 'Account'
};
const some = (names, max) => names.length <= max
    ? names.join(', ')
    : `${names.slice(0, max).join(', ')} and ${(0,format/* formatCount */.B4)(names.length - max)} more`;
/** The objects TiDB cannot hold, when the precheck found any. */
const unsupportedSection = (report, limits) => {
    const all = report.unsupported;
    if (all === undefined)
        return undefined;
    const objects = all.filter((o) => o.kind !== 'account');
    const accounts = all.filter((o) => o.kind === 'account').map((o) => o.name);
    if (objects.length === 0 && accounts.length === 0)
        return undefined;
    const parts = [];
    if (objects.length > 0) {
        const leftOut = new Set(objects.filter((o) => o.effect === 'table-left-out').map((o) => unsupportedPlace(o))).size;
        const head = `Not migrated: ${objects.length} object${objects.length === 1 ? '' : 's'} TiDB cannot hold` +
            (leftOut > 0 ? ` (${leftOut} table${leftOut === 1 ? '' : 's'} left out)` : '');
        parts.push(el('h3', head));
        const { shown, more } = capped(objects, Math.max(50, limits.tableRows), 'objects');
        parts.push(table(['What', 'Where', 'Name', 'Why', 'Outcome'], shown.map((o) => [
            inline(KIND_TEXT[o.kind]),
            inline(unsupportedPlace(o)),
            inline(o.name),
            inline(o.detail),
            inline(EFFECT_TEXT[o.effect])
        ])));
        if (more)
            parts.push(el('p', more));
    }
    if (accounts.length > 0)
        parts.push(el('p', `User accounts and grants are never migrated; create them on TiDB: ${some(accounts, 10)}.`));
    return parts.join('\n');
};

;// CONCATENATED MODULE: ./src/report/sections/verdict.ts
// The first lines of the summary: one verdict a reader can act on, and the error once, in full.
//   migrate → what was migrated (tables, rows, verification, DM) or the phase it failed in;
//   plan    → go / no-go, with the reason;
//   status, pause, resume, stop → the DM task's stage, lag and cut-over readiness.


const RUN_ICON = {
    running: '⏳',
    succeeded: '✅',
    failed: '❌',
    cancelled: '🚫'
};
/** The phase the run failed in: the one whose failure is the run's error, else the first that failed. */
function failedPhase(report) {
    const failed = report.phases.filter((p) => p.status === 'failed');
    return failed.find((p) => p.failure?.message === report.error) ?? failed[0];
}
const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function dmFacts(o) {
    const task = o['dm-task'];
    if (task === undefined)
        return undefined;
    const facts = [o['dm-stage'] ? `DM task ${task} is ${o['dm-stage']}` : `DM task ${task}`];
    if (o['dm-lag-seconds'])
        facts.push(`lag ${o['dm-lag-seconds']} s`);
    if (o['ready-for-cutover'] === 'true')
        facts.push('ready for cut-over');
    if (o['ready-for-cutover'] === 'false')
        facts.push('not ready for cut-over');
    return facts.join(', ');
}
function exportFacts(o) {
    const id = o['export-task-id'];
    return id === undefined ? undefined : `export task ${id}`;
}
function migrateFacts(report) {
    const o = report.outputs;
    const facts = [];
    const tables = report.tables.length;
    const rows = o['rows-imported'];
    if (rows !== undefined) {
        const n = Number(rows);
        const rowText = Number.isFinite(n) ? (0,format/* plural */.LS)(n, 'row') : `${rows} rows`;
        facts.push(tables > 0 ? `${rowText} imported into ${(0,format/* plural */.LS)(tables, 'table')}` : `${rowText} imported`);
    }
    else if (o['import-result'] === 'skipped')
        facts.push('no table to import');
    if (o['verify-result'] === 'passed')
        facts.push('row counts match the export');
    if (o['verify-result'] === 'mismatch')
        facts.push('row counts differ (see Tables)');
    if (o['dm-task'] !== undefined)
        facts.push(`DM task ${o['dm-task']} replicating`);
    return facts.join('; ');
}
function planVerdict(report) {
    const failed = report.checks.filter((c) => c.status === 'fail');
    const warned = report.checks.filter((c) => c.status === 'warn');
    if (failed.length > 0) {
        const first = failed.slice(0, 3).map((c) => c.title);
        const more = failed.length > first.length ? ` and ${failed.length - first.length} more` : '';
        return {
            icon: '❌',
            text: `No-go: ${(0,format/* plural */.LS)(failed.length, 'precheck')} failed (${first.join('; ')}${more})`
        };
    }
    if (report.status === 'failed' || report.status === 'cancelled')
        return { icon: RUN_ICON[report.status], text: 'No-go: the plan did not finish' };
    if (report.status === 'running')
        return { icon: RUN_ICON.running, text: 'Plan running' };
    const size = report.plan
        ? `: ${(0,format/* plural */.LS)(report.plan.totals.tables, 'table')}, ~${(0,format/* plural */.LS)(report.plan.totals.estimatedRows, 'row')}`
        : '';
    return warned.length > 0
        ? { icon: '⚠️', text: `Go, after reading ${(0,format/* plural */.LS)(warned.length, 'warning')}${size}` }
        : { icon: '✅', text: `Go: every precheck passed${size}` };
}
/** The verdict: icon and one sentence. Pure. */
function verdict(report) {
    if (report.operation === 'plan')
        return planVerdict(report);
    const icon = RUN_ICON[report.status];
    // 'unknown': the run stopped before it read the operation (a bad input).
    const op = report.operation === 'unknown' ? 'aurora-to-tidb' : capital(report.operation);
    if (report.status === 'running')
        return { icon, text: `${op} running` };
    if (report.status === 'failed') {
        const at = failedPhase(report);
        return { icon, text: at ? `${op} failed at ${at.title}` : `${op} failed` };
    }
    if (report.status === 'cancelled') {
        const during = report.phases.filter((p) => p.status === 'cancelled').map((p) => p.title);
        return {
            icon,
            text: `${op} cancelled${during.length > 0 ? ` during ${during.join(', ')}` : ''}`
        };
    }
    const facts = report.operation === 'migrate'
        ? migrateFacts(report)
        : [dmFacts(report.outputs), exportFacts(report.outputs)].filter(Boolean).join('; ');
    return { icon, text: `${op} succeeded${facts ? `: ${facts}` : ''}` };
}
/**
 * The run's error as the summary shows it: in full, except that the failed prechecks it lists one per line
 * (`- title: reason`) are left to the Prechecks section, which shows them with the rest.
 */
function errorText(report) {
    const error = report.error;
    if (!error)
        return undefined;
    const listed = report.checks
        .filter((c) => c.status === 'fail')
        .map((c) => `- ${c.title}: ${c.reason}`);
    const [head, ...rest] = error.split('\n');
    if (listed.length === 0 || rest.length !== listed.length || rest.some((l, i) => l !== listed[i]))
        return error;
    return `${head ?? ''} The failed checks are listed under Prechecks.`;
}
/** Heading (verdict), when and how long, and the run's error once. */
const verdictSection = (report) => {
    const v = verdict(report);
    const facts = [`aurora-to-tidb ${report.operation}`, `started ${report.startedAt}`];
    if (report.durationMs !== undefined)
        facts.push(`took ${(0,format/* formatDuration */.a3)(report.durationMs)}`);
    const lines = [el('h2', `${v.icon} ${v.text}`), el('p', facts.join(' · '))];
    const error = errorText(report);
    if (error)
        lines.push(raw('p', `<b>Error:</b> ${inline(error)}`));
    return lines.join('\n');
};

;// CONCATENATED MODULE: ./src/report/summary.ts
// renderSummary(report): the job summary as a string. Pure, so it is tested on fixture reports and rendered with a
// CommonMark/GFM renderer in the tests, as GitHub renders it.
//
// Order: what a reader needs first comes first — the verdict (and the error, once), what TiDB could not hold (a ✅
// run left it behind), what the next job needs, the
// phases and why one failed, the tables, the prechecks (failures and warnings in view, passes folded), the plan,
// then warnings, links and tool versions. Each section is a pure function in sections/; a new section is one more
// entry in SECTIONS.
//
// GitHub refuses a step summary over 1 MiB (and says so in an error annotation), so the output is capped below
// that: first the variable parts shrink (log tails, the per-table rows, warnings), then, if a pathological report
// is still too big, the text is cut at a line, and a visible note says so and points at result.json.










/** The default cap, bytes: under GitHub's 1 MiB per step, with room for the note. */
const SUMMARY_MAX_BYTES = 1_000_000;
/** The sections, in the order they appear. */
const SECTIONS = [
    verdictSection,
    unsupportedSection,
    nextJobSection,
    phaseTableSection,
    failuresSection,
    tablesSection,
    prechecksSection,
    planSection,
    warningsSection,
    linksSection
];
const FULL = { tailLines: Infinity, tableRows: Infinity, warnings: Infinity };
const SHRINK_STEPS = [
    { tailLines: 100, tableRows: 2000, warnings: 200 },
    { tailLines: 50, tableRows: 500, warnings: 50 },
    { tailLines: 20, tableRows: 100, warnings: 20 },
    { tailLines: 10, tableRows: 0, warnings: 10 }
];
function render(report, limits) {
    const blocks = SECTIONS.map((section) => section(report, limits)).filter((b) => b !== undefined && b !== '');
    // Blank lines between blocks: each HTML block starts on its own line, as CommonMark needs.
    return `${blocks.join('\n\n')}\n`;
}
const bytes = (s) => Buffer.byteLength(s, 'utf8');
const openPre = (s) => s.split('<pre>').length > s.split('</pre>').length;
function cutNote(report, limits) {
    const shown = Math.min(report.tables.length, limits.tableRows);
    const tables = shown < report.tables.length
        ? ` (${(0,format/* formatCount */.B4)(shown)} of ${(0,format/* formatCount */.B4)(report.tables.length)} tables shown)`
        : '';
    return `\n${raw('p', `<b>Note:</b> this summary was shortened to stay under GitHub’s 1 MiB limit for a step summary${escapeHtml(tables)}; ` + 'log tails and lists were cut. The full report is in result.json (output <code>result-file</code>).')}\n`;
}
/**
 * The job summary of a report (see the order above). Every outside string is escaped; log tails sit in one <pre>
 * each, so no tool text is read as Markdown.
 * @param report the report
 * @param maxBytes cap on the UTF-8 size of the result
 * @returns Markdown/HTML for core.summary.addRaw
 */
function renderSummary(report, maxBytes = SUMMARY_MAX_BYTES) {
    const full = render(report, FULL);
    if (bytes(full) <= maxBytes)
        return full;
    let last = full;
    let lastLimits = FULL;
    for (const limits of SHRINK_STEPS) {
        last = render(report, limits);
        lastLimits = limits;
        const note = cutNote(report, limits);
        if (bytes(last) + bytes(note) <= maxBytes)
            return last + note;
    }
    // Still too big (enormous messages or phase lists): cut the text at a line, outside any <pre> (a <pre> left open
    // would swallow the note).
    const note = cutNote(report, lastLimits);
    const room = Math.max(0, maxBytes - bytes(note));
    const cut = Buffer.from(last, 'utf8').subarray(0, room).toString('utf8');
    let end = cut.lastIndexOf('\n');
    while (end > 0 && openPre(cut.slice(0, end)))
        end = cut.lastIndexOf('\n', end - 1);
    return `${cut.slice(0, Math.max(0, end + 1))}${note}`;
}

// EXTERNAL MODULE: ./src/util/workflow-commands.ts
var workflow_commands = __nccwpck_require__(5714);
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
    // Written beside and renamed over: a reader (or a full disk, ENOSPC) never sees a truncated result.json; at worst
    // the one of an earlier step stays, whole.
    const temp = `${file}.${process.pid}.tmp`;
    try {
        await fs.writeFile(temp, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
        await fs.rename(temp, file);
    }
    catch (e) {
        await fs.rm(temp, { force: true }).catch(() => undefined);
        throw e;
    }
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
        (0,workflow_commands/* logLine */.B)('GITHUB_STEP_SUMMARY is not set (a local run?): the summary follows.');
        (0,workflow_commands/* logLine */.B)(text);
        return false;
    }
    try {
        await lib_core/* summary */.z.addRaw(text).write();
        return true;
    }
    catch (e) {
        lib_core/* warning */.$e(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return false;
    }
    finally {
        lib_core/* summary */.z.emptyBuffer();
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

// EXTERNAL MODULE: ./src/util/clock.ts + 1 modules
var util_clock = __nccwpck_require__(2645);
;// CONCATENATED MODULE: ./src/cleanup.ts
// The post step. It runs after the main step whatever happened to it (post-if: always()), including when the main
// step was cancelled or killed: it deletes the secret-bearing files main recorded, ends child processes main left
// running, and writes a fallback summary if main never wrote one. It never fails the job: every problem is a
// warning. AURORA_TO_TIDB_SKIP_CLEANUP=true keeps files and processes for debugging (the summary is still written).









async function removeRecordedFiles() {
    const files = (0,state/* loadState */.C)('temp-files') ?? [];
    if (files.length === 0)
        return;
    const problems = await removeTempFiles(files);
    for (const p of problems)
        lib_core/* warning */.$e(`Could not remove a temporary file: ${p}`);
    (0,workflow_commands/* logLine */.B)(`Removed ${files.length - problems.length} temporary file(s) holding credentials.`);
}
async function endStragglers(graceMs, clock) {
    const alive = ((0,state/* loadState */.C)('child-processes') ?? []).filter(isStillRunning);
    if (alive.length === 0)
        return;
    for (const child of alive) {
        lib_core/* warning */.$e(`The main step left '${child.command}' (pid ${child.pid}) running; stopping it with SIGTERM.`);
        signalProcessGroup(child.pid, 'SIGTERM');
    }
    let remaining = alive;
    const deadline = clock.now() + graceMs;
    while (remaining.length > 0 && clock.now() < deadline) {
        await clock.sleep(Math.min(100, graceMs));
        remaining = remaining.filter(isStillRunning);
    }
    for (const child of remaining) {
        lib_core/* warning */.$e(`'${child.command}' (pid ${child.pid}) ignored SIGTERM; killing it.`);
        signalProcessGroup(child.pid, 'SIGKILL');
    }
}
/**
 * Deletes the run lock the main step left behind (killed before its own release), only while it still holds this
 * run's token: a lock taken over since belongs to another run. The SDK is loaded only when there is a lock.
 */
async function releaseRunLock() {
    const ref = (0,state/* loadState */.C)('run-lock');
    if (ref === undefined || ref === null)
        return;
    const [, bucket = '', key = ''] = /^s3:\/\/([^/]+)\/(.+)$/.exec(ref.uri) ?? [];
    const [{ createAwsClients }, { createS3 }, { isAwsError }, { parseLock }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(195), __nccwpck_require__.e(202), __nccwpck_require__.e(711), __nccwpck_require__.e(39)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3039)),
        Promise.all(/* import() */[__nccwpck_require__.e(195), __nccwpck_require__.e(711), __nccwpck_require__.e(75)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1075)),
        __nccwpck_require__.e(/* import() */ 496).then(__nccwpck_require__.bind(__nccwpck_require__, 3496)),
        __nccwpck_require__.e(/* import() */ 555).then(__nccwpck_require__.bind(__nccwpck_require__, 8936))
    ]);
    const s3 = createS3(createAwsClients({ region: ref.region, s3Endpoint: ref.s3Endpoint }).s3);
    try {
        const { text, etag } = await s3.readTagged(bucket, key);
        if (parseLock(text)?.token !== ref.token)
            return;
        await s3.remove(bucket, key, etag);
        (0,workflow_commands/* logLine */.B)(`Released the run lock ${ref.uri} the main step held.`);
    }
    catch (e) {
        if (!isAwsError(e, 'NoSuchKey', 'NotFound', 'PreconditionFailed'))
            throw e;
    }
}
/** Deletes the restored copy the main step recorded and did not remove (killed, cancelled late, or failed to). */
async function removeCopies() {
    const copies = (0,state/* loadState */.C)('restored-copies') ?? [];
    if (copies.length === 0)
        return;
    const { removeRestoredCopies } = await __nccwpck_require__.e(/* import() */ 611).then(__nccwpck_require__.bind(__nccwpck_require__, 7611));
    await removeRestoredCopies(copies, { log: workflow_commands/* logLine */.B, warn: (m) => lib_core/* warning */.$e(m) });
}
async function fallbackSummary() {
    const written = (0,state/* loadState */.C)('summary-written');
    if (written === true)
        return;
    // Main saves `false` first thing. No state at all means main died at start on a runner, or this is a local run
    // without GITHUB_STATE, where there is nothing to say.
    if (written === undefined && process.env['GITHUB_ACTIONS'] !== 'true') {
        (0,workflow_commands/* logLine */.B)('No state from the main step (a local run?): no fallback summary.');
        return;
    }
    const running = (0,state/* loadState */.C)('running-phases') ?? [];
    const report = newReport((0,state/* loadState */.C)('operation') ?? 'unknown');
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
    lib_core/* warning */.$e(report.error);
    await writeSummary(report);
}
/**
 * Runs the post step. Never throws and never fails the job.
 * @param opts grace period and clock (tests)
 */
async function cleanup(opts = {}) {
    const graceMs = opts.graceMs ?? 5000;
    const clock = opts.clock ?? util_clock/* systemClock */.m;
    const steps = [];
    if (process.env['AURORA_TO_TIDB_SKIP_CLEANUP'] === 'true') {
        (0,workflow_commands/* logLine */.B)('AURORA_TO_TIDB_SKIP_CLEANUP=true: leaving temporary files and processes in place for debugging.');
    }
    else {
        steps.push(['remove temporary files', removeRecordedFiles]);
        steps.push(['stop leftover processes', () => endStragglers(graceMs, clock)]);
    }
    // After the processes are stopped: nothing of this run writes any more once the lock is gone.
    steps.push(['release the run lock', releaseRunLock]);
    // Not skipped for debugging: a copy bills by the hour (keep-restored-copy keeps one on purpose).
    steps.push(['remove the restored copy', removeCopies]);
    steps.push(['write the fallback summary', fallbackSummary]);
    for (const [what, step] of steps) {
        try {
            await step();
        }
        catch (e) {
            lib_core/* warning */.$e(`Post step could not ${what}: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
}


/***/ }),

/***/ 6661:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4371);
/* harmony import */ var _util_source_mapped_stacks_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5348);
// Entry point of the action's post step (runs even after failure or cancellation).


(0,_util_source_mapped_stacks_js__WEBPACK_IMPORTED_MODULE_1__/* .mapStackTraces */ .D9)();
await (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_0__/* .cleanup */ .t)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2645:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  m: () => (/* binding */ systemClock)
});

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __nccwpck_require__(17);
;// CONCATENATED MODULE: ./src/util/clock.ts
// Time as a dependency. Everything that waits (poll, retry, heartbeats, the phase runner) takes a Clock so tests
// drive time by hand and never really wait.


/** The real clock. */
const systemClock = {
    now: () => Date.now(),
    async sleep(ms, signal) {
        if (signal?.aborted)
            throw (0,errors/* abortError */.vt)(signal, 'the wait');
        try {
            await (0,promises_namespaceObject.setTimeout)(Math.max(0, ms), undefined, signal ? { signal } : {});
        }
        catch (e) {
            if (signal?.aborted)
                throw (0,errors/* abortError */.vt)(signal, 'the wait');
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


/***/ }),

/***/ 17:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   vt: () => (/* binding */ abortError)
/* harmony export */ });
/* unused harmony exports errorChain, PhaseError, CancelledError, DeadlineError, NotImplementedError */
// Error types shared by every part of the action, and one way to turn anything thrown into a message.
//
// The rule: throw anywhere, catch once in run(); record first, fail last. A phase fails
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


/***/ }),

/***/ 2693:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
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
// ncc's default, a source-map-support register imported before the bundle, took about 10 ms of every start (the
// bench's cold-start metric). Node's own source maps (`process.setSourceMapsEnabled`) apply only to files loaded
// after they are turned on, and then read and parse each file's map as the file loads (about 8 ms more at start).
// Here a file's map is read, with Node's SourceMap class, the first time a stack passes through that file: most runs
// never format one.




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

/***/ 2269:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ loadState),
/* harmony export */   L: () => (/* binding */ saveState)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4436);
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
    operation: isString,
    'run-lock': (v) => v === null ||
        (isObject(v) &&
            isString(v['uri']) &&
            v['uri'].startsWith('s3://') &&
            isString(v['token']) &&
            isString(v['region']) &&
            (v['s3Endpoint'] === undefined || isString(v['s3Endpoint']))),
    'restored-copies': (v) => Array.isArray(v) &&
        v.every((c) => isObject(c) &&
            isString(c['cluster']) &&
            isString(c['instance']) &&
            isString(c['region']) &&
            typeof c['keep'] === 'boolean')
};
/**
 * Saves a value for the post step. A no-op without GITHUB_STATE (no post step will run).
 * @param key the state key
 * @param value JSON-serialisable value
 */
function saveState(key, value) {
    if (!process.env['GITHUB_STATE'])
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(key, JSON.stringify(value));
}
/**
 * Reads a value the main step saved. Missing, unparsable or wrongly shaped values read as undefined (with a debug
 * line), because the post step must never fail on them.
 * @param key the state key
 */
function loadState(key) {
    const raw = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(key);
    if (!raw)
        return undefined;
    try {
        const value = JSON.parse(raw);
        if (VALIDATORS[key](value))
            return value;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`state ${key} has an unexpected shape: ${raw}`);
    }
    catch {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`state ${key} is not JSON: ${raw}`);
    }
    return undefined;
}


/***/ }),

/***/ 5714:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ logLine)
/* harmony export */ });
/* unused harmony export inert */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4436);
// Nothing the action prints becomes a workflow command unless the action means it to.
//
// The log lines of a step are read by the runner, which executes every line that looks like a command
// (actions/runner, src/Runner.Common/ActionCommand.cs and src/Runner.Worker/ActionCommandManager.cs):
//   - `::name props::data` when the line, with its leading white space trimmed (.NET String.TrimStart), starts with
//     `::` (TryParseV2);
//   - `##[name props]data` ANYWHERE in the line (TryParse, the older form, still parsed after the new one);
//   - lines end at \n, \r or \r\n.
// Much of what the action prints holds text from outside: tool output, state files, AWS messages, table names, error
// messages. A note `done\n::add-mask::x` would otherwise mask x, `\n::stop-commands::t` would stop every later command
// of the step (the `::add-mask::` of a password included), `##[set-output name=x]y` would set an output.
//
// The commands core issues itself (core.warning, core.error, core.debug, core.startGroup, core.setSecret) already
// escape their data (\n → %0A, % → %25), so the runner reads them back as one value and never as a second command;
// what needs care is the plain lines core.info writes as they are. `logLine` is the one way the action writes them:
// every line of the text is made inert before it is written.
//
// Why per line and not `::stop-commands::<token>` … `::<token>::` around outside blocks: phases run concurrently and
// their lines, heartbeats and annotations interleave; while commands are stopped the runner ignores OUR commands too
// (a warning, a group, the add-mask of a secret), so a stopped stretch would hide them. A line made inert on its own
// needs no state and cannot swallow anything.

/**
 * U+2060 WORD JOINER: invisible, not white space for .NET (Unicode category Cf, so String.TrimStart keeps it), and
 * it separates the two characters the runner looks for.
 */
const JOINER = '\u2060';
// `\s` plus U+0085 (NEL), which .NET counts as white space and JavaScript's \s does not.
const COMMAND_START = /^([\s\u0085]*:)(?=:)/;
const OLD_FORM = /##\[/g;
const LINE_BREAK = /\r\n|\r|\n/;
/**
 * The text with every line the runner would read as a workflow command made inert: a line starting with `::` (after
 * white space) gets a word joiner between the two colons, and every `##[` gets one before its bracket. Line breaks
 * (\r\n, \r, \n) become \n. What a reader sees is unchanged. Pure.
 * @param text any text, single- or multi-line
 */
function inert(text) {
    // Fast path: a command needs `::` or `##[`; most log lines have neither.
    if (!text.includes('::') && !text.includes('##['))
        return text;
    return text
        .split(LINE_BREAK)
        .map((line) => line.replace(OLD_FORM, `##${JOINER}[`).replace(COMMAND_START, `$1${JOINER}`))
        .join('\n');
}
/**
 * Writes text to the log as plain lines, never as a workflow command (see the file comment). The action's only
 * writer of plain log lines: lint forbids core.info elsewhere in src/.
 * @param text one or several lines
 */
function logLine(text) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(inert(text));
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

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

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

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

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
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
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