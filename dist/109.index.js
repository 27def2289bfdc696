export const id = 109;
export const ids = [109];
export const modules = {

/***/ 1109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DM_CHECKING_ITEMS: () => (/* binding */ DM_CHECKING_ITEMS),
  DmConfigError: () => (/* binding */ DmConfigError),
  compareSourceConfig: () => (/* reexport */ compareSourceConfig),
  redactYaml: () => (/* binding */ redactYaml),
  renderSourceConfig: () => (/* binding */ renderSourceConfig),
  renderTaskConfig: () => (/* binding */ renderTaskConfig),
  sourceBinding: () => (/* reexport */ sourceBinding)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/tidb/dm-binlog.ts
var dm_binlog = __webpack_require__(3446);
// EXTERNAL MODULE: ./src/tidb/dmctl-values.ts
var dmctl_values = __webpack_require__(7228);
;// CONCATENATED MODULE: ./src/tidb/dm-source-compare.ts
// Deciding whether a DM source that already exists is the one we would create (reuse it) or another one under the
// same id (refuse with a clear error). dmctl offers two views: `operate-source show` lists sources and their workers
// only; `get-config source <id>` (DM ≥ v2.0.1) prints `{"result": true, "msg": "", "cfg": "<source YAML>"}` with the
// password replaced by '******' (tiflow dm/master/server.go GetCfg), or `result: false, msg: "source not found"`.


/** Compares the answer of `get-config source <id>` with the source config we would create. Never throws. */
function compareSourceConfig(getConfig, wanted) {
    if (!getConfig.ok) {
        if (getConfig.result === false && /source not found|not exist/i.test(getConfig.msg)) {
            return { status: 'absent', differences: [], reason: getConfig.msg };
        }
        return { status: 'unknown', differences: [], reason: getConfig.error.message };
    }
    const cfg = getConfig.cfg === undefined ? undefined : readYaml(getConfig.cfg);
    if (cfg === undefined) {
        return {
            status: 'unknown',
            differences: [],
            reason: 'get-config printed no readable source config'
        };
    }
    const from = (0,dmctl_values/* asRecord */.qY)(cfg['from']);
    const differences = [];
    const check = (key, existing, want, equal = existing === want) => {
        if (!equal)
            differences.push({ key, existing, wanted: want });
    };
    check('source-id', (0,dmctl_values/* str */.gx)(cfg, 'source-id'), wanted.sourceId);
    const host = (0,dmctl_values/* str */.gx)(from, 'host');
    check('from.host', host, wanted.from.host, host.toLowerCase() === wanted.from.host.trim().toLowerCase());
    const port = (0,dmctl_values/* toInt */.RI)(from?.['port']);
    check('from.port', port === undefined ? '' : String(port), String(wanted.from.port));
    check('from.user', (0,dmctl_values/* str */.gx)(from, 'user'), wanted.from.user);
    check('enable-gtid', String((0,dmctl_values/* bool */.lc)(cfg, 'enable-gtid') ?? false), String(wanted.enableGtid));
    // DM fills `flavor` in by itself when the file leaves it out, so it only matters when we would set it.
    const flavor = (0,dmctl_values/* str */.gx)(cfg, 'flavor');
    if (wanted.flavor !== undefined && flavor !== '')
        check('flavor', flavor, wanted.flavor);
    return differences.length === 0
        ? { status: 'same', differences, reason: '' }
        : { status: 'different', differences, reason: describeDifferences(differences) };
}
/** `from.host is 'a' (wanted 'b'), enable-gtid is 'false' (wanted 'true')`. */
function describeDifferences(differences) {
    return differences.map((d) => `${d.key} is '${d.existing}' (wanted '${d.wanted}')`).join(', ');
}
/** Whether `operate-source show` lists the source, and its bound worker ('' when unbound). */
function sourceBinding(show, sourceId) {
    const entry = show.sources.find((s) => s.source === sourceId);
    return entry === undefined
        ? { exists: false, worker: '', msg: '' }
        : { exists: true, worker: entry.worker, msg: entry.msg };
}
/**
 * Reads the source YAML of `cfg`. Copies in the docs indent every line but the first and keep a stray `}`; that
 * damage is undone before giving up.
 */
function readYaml(text) {
    const attempt = (t) => {
        try {
            const doc = (0,dist/* parseDocument */.Tp)(t, { uniqueKeys: false });
            return doc.errors.length > 0 ? undefined : (0,dmctl_values/* asRecord */.qY)(doc.toJS());
        }
        catch {
            return undefined;
        }
    };
    const direct = attempt(text);
    if (direct !== undefined)
        return direct;
    const lines = text.split('\n').filter((l) => l.trim() !== '}');
    const rest = lines.slice(1).filter((l) => l.trim() !== '');
    const indent = Math.min(...rest.map((l) => l.length - l.trimStart().length));
    if (!Number.isFinite(indent) || indent === 0)
        return undefined;
    return attempt([
        lines[0] ?? '',
        ...lines.slice(1).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
    ].join('\n'));
}

;// CONCATENATED MODULE: ./src/tidb/dm-config.ts
// Renderers for the two DM files the replicate phase writes: the source config (`operate-source create`) and the
// incremental task config (`check-task` / `start-task`). DM decodes both strictly (unknown keys are errors), so only
// keys from tiflow dm/config/source_config.go and task.go are written. Passwords are written in clear (DM accepts
// plaintext, and `dmctl encrypt` needs a master secret since v8.0); the caller writes the text 0600 and logs only
// redactYaml(text).



/** Values of `ignore-checking-items` (tiflow dm/config/checking_item.go). */
const DM_CHECKING_ITEMS = [
    'all',
    'dump_privilege',
    'replication_privilege',
    'version',
    'server_id',
    'binlog_enable',
    'binlog_format',
    'binlog_row_image',
    'table_schema',
    'schema_of_shard_tables',
    'auto_increment_ID',
    'online_ddl',
    'binlog_db',
    'meta_position',
    'conn_number',
    'target_privilege',
    'empty_region',
    'region_distribution',
    'downstream_version',
    'free_space',
    'downstream_mutex_features',
    'downstream_table_empty'
];
/** An input the renderers refuse; the message names the field and what it accepts. */
class DmConfigError extends Error {
    name = 'DmConfigError';
}
const HEADER = ' Generated by aurora-to-tidb. Holds a password, so keep this file private (mode 0600).';
const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
/** Renders the DM source config YAML. Throws DmConfigError on an invalid input. */
function renderSourceConfig(input) {
    checkSourceId(input.sourceId, 'source id');
    return render({
        'source-id': input.sourceId,
        ...(input.flavor === undefined ? {} : { flavor: input.flavor }),
        'enable-gtid': input.enableGtid,
        from: endpoint(input.from, 'source')
    });
}
/** Renders the incremental DM task config YAML. Throws DmConfigError on an invalid input. */
function renderTaskConfig(input) {
    const name = input.name.trim();
    if (name === '' || /[\s/\\]/.test(name)) {
        throw new DmConfigError(`DM task name must be non-empty without blanks or slashes, got '${input.name}'`);
    }
    if (input.sources.length === 0)
        throw new DmConfigError('a DM task needs at least one source');
    const balName = input.blockAllowListName ?? 'aurora-to-tidb';
    const syncerName = input.syncerConfigName ?? 'global';
    const bal = blockAllowList(input.blockAllowList);
    const duration = input.safeModeDuration;
    if (duration !== undefined && !GO_DURATION.test(duration)) {
        throw new DmConfigError(`safe-mode duration must be a Go duration such as 60s or 1m30s, got '${duration}'`);
    }
    if (input.safeMode && duration !== undefined && Number.parseFloat(duration) === 0) {
        throw new DmConfigError('safe-mode-duration 0s conflicts with safe-mode: true (DM refuses the task)');
    }
    const ids = input.sources.map((s) => s.sourceId);
    ids.forEach((id) => checkSourceId(id, 'task source id'));
    if (new Set(ids).size !== ids.length)
        throw new DmConfigError(`duplicate source ids in the task: ${ids.join(', ')}`);
    for (const item of input.ignoreCheckingItems ?? []) {
        if (!DM_CHECKING_ITEMS.includes(item)) {
            throw new DmConfigError(`unknown ignore-checking-items value '${String(item)}'`);
        }
    }
    return render({
        name,
        'task-mode': 'incremental',
        ...(input.ignoreCheckingItems === undefined || input.ignoreCheckingItems.length === 0
            ? {}
            : { 'ignore-checking-items': [...new Set(input.ignoreCheckingItems)] }),
        'target-database': endpoint(input.target, 'target'),
        'mysql-instances': input.sources.map((s) => ({
            'source-id': s.sourceId,
            ...(bal === undefined ? {} : { 'block-allow-list': balName }),
            ...(s.meta === undefined ? {} : { meta: meta(s.meta) }),
            'syncer-config-name': syncerName
        })),
        ...(bal === undefined ? {} : { 'block-allow-list': { [balName]: bal } }),
        syncers: {
            [syncerName]: {
                'safe-mode': input.safeMode,
                ...(duration === undefined ? {} : { 'safe-mode-duration': duration })
            }
        }
    });
}
function render(value) {
    const doc = new dist/* Document */.yo(value);
    doc.commentBefore = HEADER;
    // Double-quoted strings: a value such as `~^test.*`, `*`, `123` or `yes` stays a string for DM's YAML decoder.
    return doc.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}
function checkSourceId(id, what) {
    if (id.trim() === '' || id.length > 32 || /\s/.test(id)) {
        throw new DmConfigError(`${what} must be 1 to 32 characters without blanks, got '${id}'`);
    }
}
function endpoint(e, what) {
    if (e.host.trim() === '')
        throw new DmConfigError(`${what} host is empty`);
    if (!Number.isInteger(e.port) || e.port < 1 || e.port > 65535) {
        throw new DmConfigError(`${what} port must be an integer from 1 to 65535, got ${e.port}`);
    }
    if (e.user === '')
        throw new DmConfigError(`${what} user is empty`);
    return { host: e.host.trim(), port: e.port, user: e.user, password: e.password };
}
function meta(m) {
    if ((0,dm_binlog/* parseBinlogFile */.z6)(m.binlogName) === undefined) {
        throw new DmConfigError(`binlog name must look like mysql-bin.000123, got '${m.binlogName}'`);
    }
    if (!Number.isSafeInteger(m.binlogPos) || m.binlogPos < 4 || m.binlogPos > 0xffffffff) {
        throw new DmConfigError(`binlog position must be an integer from 4 to 4294967295, got ${m.binlogPos}`);
    }
    const gtid = m.binlogGtid?.trim() ?? '';
    return {
        'binlog-name': m.binlogName.trim(),
        'binlog-pos': m.binlogPos,
        ...(gtid === '' ? {} : { 'binlog-gtid': gtid })
    };
}
/** The `block-allow-list.<name>` rule; undefined when every list is empty (DM then replicates every table). */
function blockAllowList(b) {
    const names = (values, what) => values.map((v) => {
        if (v.trim() === '')
            throw new DmConfigError(`empty name in block-allow-list ${what}`);
        return v;
    });
    const tables = (refs, what) => refs.map((t) => ({
        'db-name': names([t.db], what)[0] ?? '',
        'tbl-name': names([t.table], what)[0] ?? ''
    }));
    const rule = {};
    if (b.doDbs.length > 0)
        rule['do-dbs'] = names(b.doDbs, 'do-dbs');
    if ((b.ignoreDbs ?? []).length > 0)
        rule['ignore-dbs'] = names(b.ignoreDbs ?? [], 'ignore-dbs');
    if (b.doTables.length > 0)
        rule['do-tables'] = tables(b.doTables, 'do-tables');
    if (b.ignoreTables.length > 0)
        rule['ignore-tables'] = tables(b.ignoreTables, 'ignore-tables');
    return Object.keys(rule).length === 0 ? undefined : rule;
}
const SECRET_KEY = /password|passwd|secret|ssl-key-bytes|ssl-key-base64/i;
const BLOCK_KEY_LINE = /^(\s*(?:- +)?)(["']?)([A-Za-z0-9_.-]+)\2(\s*:)(\s.*)?$/;
const INLINE_SECRET = /((?:password|passwd|secret|ssl-key-bytes|ssl-key-base64)[\w-]*["']?\s*:[ \t]*)("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^,}\]\s][^,}\]\n]*)/gi;
const MASK = '"******"';
/**
 * Masks every password-like value of a YAML (or JSON) text for logs: block values, multi-line and block scalars
 * (`|`, `>`), and flow maps (`{password: x}`). Never throws.
 */
function redactYaml(text) {
    const lines = text.split('\n');
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        const m = BLOCK_KEY_LINE.exec(line);
        if (m === null || !SECRET_KEY.test(m[3] ?? '')) {
            out.push(line);
            continue;
        }
        // The value may continue on more-indented lines (block scalar, multi-line string): drop them.
        const indent = (m[1] ?? '').length;
        let j = i + 1;
        while (j < lines.length &&
            (/^\s*$/.test(lines[j] ?? '') || leadingSpaces(lines[j] ?? '') > indent))
            j++;
        const value = (m[5] ?? '').trim();
        const empty = value === '' || value === '""' || value === "''";
        out.push(empty && j === i + 1
            ? line
            : `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}${m[2] ?? ''}${m[4] ?? ''} ${MASK}`);
        if (j > i + 1 && /^\s*$/.test(lines[j - 1] ?? ''))
            j--; // keep a trailing blank line
        i = j - 1;
    }
    return out
        .join('\n')
        .replace(INLINE_SECRET, (all, key, value) => value === MASK || value === '""' || value === "''" ? all : `${key}${MASK}`);
}
function leadingSpaces(line) {
    return line.length - line.trimStart().length;
}


/***/ })

};

//# sourceMappingURL=109.index.js.map