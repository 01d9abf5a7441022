/*
 * yardstick_lua.h: the public face of CLuaShim, the only C in Yardstick besides Lua itself.
 *
 * This header is everything Swift (the LuaRuntime module, the only Swift importer) can see:
 * the codes shared with Swift, the per-state budget that Swift configures and reads, the
 * argument structs, and the eight entry points below. It deliberately does not include
 * `lua.h`: Swift cannot call the Lua C API, nor any shim internal (raising an error is a
 * `longjmp`, which must never cross a Swift frame). Every entry point runs its Lua work
 * under `lua_pcall` and reports failures as a status plus the budget's `err_*` fields; host
 * functions written in Swift return a status, and the C trampoline raises the Lua error
 * only after Swift has returned.
 *
 * The implementation is split by concern into the .c files next to `include/`; functions
 * used by one file are `static`, those shared between files are declared in `internal.h`
 * (not public, hidden visibility).
 */
#ifndef YARDSTICK_LUA_H
#define YARDSTICK_LUA_H

#include <stddef.h>

/** An opaque Lua state (the same declaration as in `lua.h`). */
typedef struct lua_State lua_State;

/* ---------------------------------------------------------------------------------------
 * Codes shared with Swift.
 * ------------------------------------------------------------------------------------ */

/** The status of an entry point that succeeded (equal to `LUA_OK`). */
#define YS_OK 0

/** Bytes of a chunk's short source name, terminator included (equal to `LUA_IDSIZE`). */
#define YS_IDSIZE 60

/** Error kinds reported to Swift (0 means success). Mirrored by `LuaError.Kind`. */
#define YS_KIND_RUNTIME 1
#define YS_KIND_SYNTAX 2
#define YS_KIND_MEMORY 3
#define YS_KIND_TIMEOUT 4
#define YS_KIND_INSTRUCTIONS 5
#define YS_KIND_LIMIT 6
#define YS_KIND_HOSTAPI 7
#define YS_KIND_SANDBOX 8
#define YS_KIND_CONVERSION 9

/** Tags of the flat value encoding used in both directions (native byte order). */
#define YS_TAG_NIL 0
#define YS_TAG_FALSE 1
#define YS_TAG_TRUE 2
#define YS_TAG_INTEGER 3  /* int64 */
#define YS_TAG_NUMBER 4   /* double */
#define YS_TAG_STRING 5   /* uint64 length, bytes */
#define YS_TAG_TABLE 6    /* uint32 array count, uint32 hash count, uint32 name length, name,
                             array values, then hash key/value pairs */
#define YS_TAG_FUNCTION 7 /* int32 registry reference */

/** Reserved host-callback identifiers; registered host functions use ids >= 0. */
#define YS_ID_PRINT (-1)
#define YS_ID_RESOLVE (-2)

/** Operations of `ys_setup`. */
#define YS_OP_OPEN 1          /* open the kept libraries and build the internal tables */
#define YS_OP_KEEP_GLOBAL 2   /* base[a] = original global a */
#define YS_OP_REPLACE 3       /* base[a] = the shim's replacement for a */
#define YS_OP_REMOVE 4        /* a names something removed; `b` is its display name */
#define YS_OP_LIB_COPY 5      /* start a copy of library a */
#define YS_OP_LIB_REMOVE 6    /* remove member b from the copy of a */
#define YS_OP_LIB_GUARD 7     /* wrap member b of a with the pattern guard */
#define YS_OP_LIB_SEAL 8      /* install a read-only proxy of the copy of a as base[a] */
#define YS_OP_SEED 9          /* math.randomseed(n) on the original math library */
#define YS_OP_REGISTER 10     /* host[b or root][a] = trampoline(id n) */
#define YS_OP_UNREF 11        /* release registry reference n */
#define YS_OP_INSTALL 12      /* base[a] = value decoded from the budget's `args` buffer */

/* ---------------------------------------------------------------------------------------
 * Shared structs.
 * ------------------------------------------------------------------------------------ */

/** A growable byte buffer owned by C (`malloc`), outside the Lua memory cap. */
typedef struct ys_buf {
    char *data;
    size_t len;
    size_t cap;
} ys_buf;

/**
 * The Swift host callback. `id` selects the host function (or `YS_ID_*`), `args` holds
 * `nargs` encoded values. On success it returns 0, writes encoded results into `out` and
 * their count into `nresults`; on failure it returns a `YS_KIND_*` and writes the message
 * bytes into `out`. It must never touch the Lua state.
 */
typedef int (*ys_host_fn)(void *ctx, int id, const char *args, size_t len, int nargs,
                          ys_buf *out, int *nresults);

/**
 * Everything one state needs: limits, counters, host hooks and registry-key anchors.
 * Swift sets the limits and the host once, and reads the counters, the `out` buffer and
 * the `err_*` fields after an entry point returns; everything else is the shim's.
 */
typedef struct ys_budget {
    /* memory (allocator) */
    size_t used;      /* bytes currently allocated by Lua */
    size_t cap;       /* growth beyond this is denied while `enforce` is set */
    size_t headroom;  /* extra allowance while the message handler runs */
    int enforce;
    int denied;       /* an allocation was denied during the current run */
    /* CPU (count hook) */
    long long instr_limit;
    long long instr_used;
    int hook_step;
    double seconds;   /* wall-clock limit per run; 0 disables */
    double deadline;  /* monotonic seconds */
    int killed;       /* why the run was killed (internal codes); sticky until the next run */
    int kill_line;
    char kill_src[YS_IDSIZE];
    /* where the script was when an allocation was last denied (-1 / "" when unknown) */
    int mem_line;
    char mem_src[YS_IDSIZE];
    /* units of work started with `__host.fresh_budget()` in the current run */
    long long units;
    /* the main thread, for locating denied allocations (set once the state exists) */
    lua_State *main;
    /* output, patterns, sources, marshalling */
    long long max_log_lines, max_log_bytes, log_lines, log_bytes;
    size_t max_source, max_pattern_subject, max_pattern;
    int max_depth;
    long long max_elements;
    size_t max_bytes;
    /* host */
    ys_host_fn host;
    void *host_ctx;
    ys_buf args, out;
    /* last error */
    int err_kind;
    int err_line;
    ys_buf err_msg, err_tb;
    int lasterr_kind;
    /* anchors: only their addresses are used, as registry keys */
    char key_base, key_host, key_envmeta, key_loaded, key_loading, key_mtbyname;
    char key_mtnames, key_proxies, key_lasterr, key_libs, key_removed, key_guard;
} ys_budget;

/** Arguments and results of `ys_load`. */
typedef struct ys_load_args {
    const char *source;
    size_t len;
    const char *chunkname;
    int trusted;
    int ref; /* out: registry reference of the compiled function */
} ys_load_args;

/** Arguments and results of `ys_call`. */
typedef struct ys_call_args {
    int ref;          /* function to call */
    const char *args; /* encoded arguments (Swift memory, valid during the call) */
    size_t len;
    int nargs;
    int status;       /* out: status of the script run (YS_OK when it succeeded) */
    int nresults;     /* out: number of encoded results in the budget's `out` buffer */
} ys_call_args;

/* ---------------------------------------------------------------------------------------
 * Entry points. Those that return a status return a Lua status (YS_OK on success); on
 * failure err_kind/err_msg/err_tb/err_line of the budget describe the error. None raises.
 * ------------------------------------------------------------------------------------ */

/** Creates a state with a fresh budget (memory cap `cap`, default limits), or NULL. */
lua_State *ys_newstate(size_t cap);

/** Closes the state and frees its budget and buffers. */
void ys_close(lua_State *L);

/** The budget of a state created by `ys_newstate` (valid until `ys_close`). */
ys_budget *ys_budget_of(lua_State *L);

/** Appends bytes to a C buffer; returns 0 if `realloc` fails. Never touches Lua. */
int ys_buf_append(ys_buf *buf, const void *bytes, size_t n);

/** Runs one `YS_OP_*` setup operation with operands `a`, `b`, `n` (memory cap not enforced). */
int ys_setup(lua_State *L, int op, const char *a, const char *b, long long n);

/** Compiles text (mode "t") into a fresh environment; see `ys_load_args`. */
int ys_load(lua_State *L, ys_load_args *a);

/**
 * Calls a function under the limits and encodes its results into the budget's `out`
 * buffer. Returns the marshalling status; `a->status` is the status of the script itself.
 */
int ys_call(lua_State *L, ys_call_args *a);

/**
 * Writes the binary chunk of a Lua function (registry reference `ref`, with debug
 * information) into `out`, for the host to read its instructions. The chunk never goes back
 * into a state: scripts cannot load binary chunks.
 */
int ys_dump(lua_State *L, int ref, ys_buf *out);

#endif /* YARDSTICK_LUA_H */
