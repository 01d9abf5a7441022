/*
 * shim.h: the only C in Yardstick.
 *
 * Debian's Lua 5.4 plus the small amount of C that a safe Swift host needs. Everything is
 * `static inline` (SwiftPM system-library targets compile no C files) and there are no
 * static variables (they would not link): per-state data lives in `ys_budget`, reached
 * through `LUA_EXTRASPACE` and the allocator's `ud`, and every registry key and the kill
 * sentinel are addresses inside that struct.
 *
 * The boundary rule: Lua raises errors with `longjmp`, which must never cross a Swift
 * frame. Swift therefore calls only the `ys_*` entry points marked "Swift entry" below;
 * each of them runs its Lua work inside `lua_pcall`, so every `m`, `e` or `v` API call
 * happens in C under protection. Host functions written in Swift return a status, and
 * the C trampoline raises `lua_error` only after Swift has returned.
 */
#ifndef YARDSTICK_CLUA_SHIM_H
#define YARDSTICK_CLUA_SHIM_H

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---------------------------------------------------------------------------------------
 * Wrappers for Lua's function-like macros, which Swift cannot import.
 * ------------------------------------------------------------------------------------ */

/** The pseudo-index of the registry (`LUA_REGISTRYINDEX`). */
static inline int ys_registryindex(void) { return LUA_REGISTRYINDEX; }

/** The pseudo-index of upvalue `i` of the running C closure (`lua_upvalueindex`). */
static inline int ys_upvalueindex(int i) { return lua_upvalueindex(i); }

/** The `LUA_EXTRASPACE` block in front of a state (`lua_getextraspace`). */
static inline void *ys_getextraspace(lua_State *L) { return lua_getextraspace(L); }

/** Pops `n` values (`lua_pop`); raises only if a popped slot is to-be-closed. */
static inline void ys_pop(lua_State *L, int n) { lua_pop(L, n); }

/** `lua_pcall` without continuation; never raises. */
static inline int ys_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}

/* ---------------------------------------------------------------------------------------
 * Codes shared with Swift.
 * ------------------------------------------------------------------------------------ */

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

/** Why a run was killed; the address of `ys_budget.killed` is the kill sentinel. */
#define YS_KILL_NONE 0
#define YS_KILL_INSTRUCTIONS 1
#define YS_KILL_TIMEOUT 2

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
 * Per-state budget.
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

/** Everything one state needs: limits, counters, host hooks and registry-key anchors. */
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
    int killed;       /* YS_KILL_*; sticky until the next run */
    int kill_line;
    char kill_src[LUA_IDSIZE];
    /* where the script was when an allocation was last denied (-1 / "" when unknown) */
    int mem_line;
    char mem_src[LUA_IDSIZE];
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

/** The budget of a state (stored in `LUA_EXTRASPACE` by `ys_newstate`). */
static inline ys_budget *ys_budget_of(lua_State *L) {
    return *(ys_budget **)lua_getextraspace(L);
}

/** Appends bytes to a C buffer; returns 0 if `realloc` fails. Never touches Lua. */
static inline int ys_buf_append(ys_buf *buf, const void *bytes, size_t n) {
    if (buf->cap - buf->len < n) {
        size_t cap = buf->cap ? buf->cap : 256;
        while (cap - buf->len < n) {
            if (cap > SIZE_MAX / 2) return 0;
            cap *= 2;
        }
        char *data = (char *)realloc(buf->data, cap);
        if (!data) return 0;
        buf->data = data;
        buf->cap = cap;
    }
    if (n) memcpy(buf->data + buf->len, bytes, n);
    buf->len += n;
    return 1;
}

/** The most bytes of an error message kept when it crosses from Lua to the host. */
#define YS_MAX_ERROR_BYTES 4096

/** What replaces the rest of a message longer than `YS_MAX_ERROR_BYTES`. */
#define YS_CUT_NOTE " \xE2\x80\xA6 (message cut at 4 KiB)"

/**
 * Replaces `buf` with `msg`, keeping at most `YS_MAX_ERROR_BYTES` bytes (cut at a UTF-8
 * character boundary) followed by `YS_CUT_NOTE` when it is longer: a huge error value is
 * never copied whole. Never touches Lua.
 */
static inline void ys_set_message(ys_buf *buf, const char *msg, size_t len) {
    buf->len = 0;
    if (len <= YS_MAX_ERROR_BYTES) {
        ys_buf_append(buf, msg, len);
        return;
    }
    size_t cut = YS_MAX_ERROR_BYTES;
    while (cut > 0 && ((unsigned char)msg[cut] & 0xC0) == 0x80) cut--;
    ys_buf_append(buf, msg, cut);
    ys_buf_append(buf, YS_CUT_NOTE, sizeof YS_CUT_NOTE - 1);
}

/**
 * Finds the innermost frame of a script (a chunk named `@file`: the trusted prelude is named
 * `=…` and C functions have no file) within the top 64 levels and copies its short source
 * and current line into `src` and `line`. Only reads the call stack (`lua_getinfo` with
 * "Sl" allocates nothing), so it is safe in the count hook and in the allocator. Returns 0,
 * leaving `src` and `line` alone, when no script frame is found.
 */
static inline int ys_script_location(lua_State *L, char *src, int *line) {
    lua_Debug ar;
    for (int level = 0; level < 64 && lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar)) continue;
        if (ar.source && ar.source[0] == '@' && ar.currentline > 0) {
            memcpy(src, ar.short_src, LUA_IDSIZE);
            *line = ar.currentline;
            return 1;
        }
    }
    return 0;
}

/** Monotonic clock in seconds. */
static inline double ys_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---------------------------------------------------------------------------------------
 * Allocator: deny growth beyond the cap while enforcing; never fail a shrink.
 * ------------------------------------------------------------------------------------ */

static inline void *ys_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    ys_budget *b = (ys_budget *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        b->used -= old;
        return NULL;
    }
    if (nsize > old && b->enforce && b->used - old + nsize > b->cap + b->headroom) {
        b->denied = 1;
        /* Remember the script line that asked, for the memory error (sandboxed scripts
           have no coroutines, so the main thread is the one running). A later denial with
           no script frame on the stack (the prelude unwinding the error) keeps it. */
        if (b->main) ys_script_location(b->main, b->mem_src, &b->mem_line);
        return NULL; /* Lua runs an emergency GC and retries before raising LUA_ERRMEM */
    }
    void *block = realloc(ptr, nsize);
    if (!block) {
        if (nsize <= old) return ptr; /* a failed shrink keeps the larger block */
        return NULL;
    }
    b->used = b->used - old + nsize;
    return block;
}

/** Panic handler: an unprotected error is a shim bug, so report and abort. */
static inline int ys_panic(lua_State *L) {
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
    fprintf(stderr, "LuaRuntime: unprotected Lua error: %s\n", msg);
    abort();
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * Raising classified errors (only from C functions that Lua called).
 * ------------------------------------------------------------------------------------ */

/**
 * Raises "where: message" and remembers it with its kind, so that the top-level error
 * capture can classify it if it reaches the host unchanged.
 */
static inline int ys_raise(lua_State *L, int kind, const char *fmt, ...) {
    ys_budget *b = ys_budget_of(L);
    va_list ap;
    luaL_checkstack(L, 4, NULL);
    luaL_where(L, 1);
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    lua_concat(L, 2);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &b->key_lasterr);
    b->lasterr_kind = kind;
    return lua_error(L);
}

/** Raises the unforgeable kill sentinel. */
static inline int ys_raise_kill(lua_State *L) {
    lua_pushlightuserdata(L, &ys_budget_of(L)->killed);
    return lua_error(L);
}

/* ---------------------------------------------------------------------------------------
 * Count hook: instruction budget plus monotonic deadline, sticky kill.
 * ------------------------------------------------------------------------------------ */

static inline void ys_hook(lua_State *L, lua_Debug *ar) {
    ys_budget *b = ys_budget_of(L);
    if (!b->killed) {
        b->instr_used += b->hook_step;
        if (b->instr_used >= b->instr_limit) b->killed = YS_KILL_INSTRUCTIONS;
        else if (b->deadline > 0 && ys_now() >= b->deadline) b->killed = YS_KILL_TIMEOUT;
        if (!b->killed) return;
        /* Name the script's line, not a line of the trusted prelude it was calling. */
        if (!ys_script_location(L, b->kill_src, &b->kill_line) && lua_getinfo(L, "Sl", ar)) {
            memcpy(b->kill_src, ar->short_src, LUA_IDSIZE);
            b->kill_line = ar->currentline;
        }
        lua_sethook(L, ys_hook, LUA_MASKCOUNT, 1); /* from now on, every instruction */
    }
    ys_raise_kill(L);
}

/** Resets the per-run counters and arms the hook and the memory cap. */
static inline void ys_begin_run(lua_State *L, ys_budget *b) {
    b->instr_used = 0;
    b->killed = YS_KILL_NONE;
    b->kill_line = -1;
    b->kill_src[0] = 0;
    b->mem_line = -1;
    b->mem_src[0] = 0;
    b->units = 0;
    b->deadline = b->seconds > 0 ? ys_now() + b->seconds : 0;
    b->log_lines = 0;
    b->log_bytes = 0;
    b->denied = 0;
    b->headroom = 0;
    b->err_tb.len = 0;
    b->enforce = 1;
    lua_sethook(L, ys_hook, LUA_MASKCOUNT, b->hook_step);
}

/** Disarms the hook and the memory cap so the host can marshal results. */
static inline void ys_end_run(lua_State *L, ys_budget *b) {
    lua_sethook(L, NULL, 0, 0);
    b->enforce = 0;
    b->headroom = 0;
}

/* ---------------------------------------------------------------------------------------
 * Message handler and wrapped pcall / xpcall / setmetatable / rawset.
 * ------------------------------------------------------------------------------------ */

/**
 * Top-level message handler. Keeps the kill sentinel as is, replaces non-string error
 * objects with a fixed text (never calling `__tostring`, as hooks may be off here) and
 * stores a traceback in the budget. Allows a little memory beyond the cap.
 */
static inline int ys_msgh(lua_State *L) {
    ys_budget *b = ys_budget_of(L);
    b->headroom = 1u << 20;
    int t = lua_type(L, 1);
    if (!(t == LUA_TLIGHTUSERDATA && lua_touserdata(L, 1) == &b->killed) &&
        t != LUA_TSTRING && t != LUA_TNUMBER) {
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        lua_replace(L, 1);
    }
    luaL_traceback(L, L, NULL, 1);
    size_t len = 0;
    const char *tb = lua_tolstring(L, -1, &len);
    b->err_tb.len = 0;
    if (tb) ys_buf_append(&b->err_tb, tb, len);
    lua_settop(L, 1);
    return 1;
}

/** `pcall` that re-raises the kill sentinel. */
static inline int ys_lua_pcall(lua_State *L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
    if (status != LUA_OK) {
        if (ys_budget_of(L)->killed) return ys_raise_kill(L);
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L);
}

/**
 * `xpcall` that runs `f` under the wrapped pcall and calls the handler only after the
 * stack has unwound (so hooks are active in the handler). If the handler itself fails,
 * its error object is returned in place of its result.
 */
static inline int ys_lua_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2); /* f, h, true, f, args... */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 0);
    if (status == LUA_OK) return lua_gettop(L) - 2;
    ys_budget *b = ys_budget_of(L);
    if (b->killed) return ys_raise_kill(L);
    lua_pushvalue(L, 2);
    lua_insert(L, -2); /* f, h, true, h, err */
    status = lua_pcall(L, 1, 1, 0);
    if (status != LUA_OK && b->killed) return ys_raise_kill(L);
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

/** `setmetatable` that rejects metatables with a raw `__gc` field. */
static inline int ys_lua_setmetatable(lua_State *L) {
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return ys_raise(L, YS_KIND_SANDBOX, "__gc metamethods are not allowed");
        lua_pop(L, 1);
    }
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/**
 * `rawset` that refuses the sandbox's read-only proxies and every table whose metatable
 * has a string `__readonly` field (the API's objects: scopes, views, rows, values…); the
 * error is that string ("views are read-only").
 */
static inline int ys_lua_rawset(lua_State *L) {
    ys_budget *b = ys_budget_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    lua_settop(L, 3);
    if (luaL_getmetafield(L, 1, "__readonly") == LUA_TSTRING)
        return ys_raise(L, YS_KIND_SANDBOX, "%s", lua_tostring(L, -1));
    lua_settop(L, 3);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_proxies);
    lua_pushvalue(L, 1);
    if (lua_rawget(L, -2) != LUA_TNIL)
        return ys_raise(L, YS_KIND_SANDBOX, "attempt to modify a read-only table");
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/* ---------------------------------------------------------------------------------------
 * Read-only proxies and the guard for removed names.
 * ------------------------------------------------------------------------------------ */

static inline int ys_readonly_newindex(lua_State *L) {
    return ys_raise(L, YS_KIND_SANDBOX, "attempt to modify read-only table '%s'",
                    lua_tostring(L, lua_upvalueindex(1)));
}

static inline int ys_readonly_next(lua_State *L) {
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 2);
    if (lua_next(L, 3)) return 2;
    lua_pushnil(L);
    return 1;
}

static inline int ys_readonly_pairs(lua_State *L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushcclosure(L, ys_readonly_next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static inline int ys_readonly_len(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, lua_upvalueindex(1)));
    return 1;
}

/** Pushes a read-only proxy of the table at `idx`, named `name` in error messages. */
static inline void ys_push_readonly(lua_State *L, int idx, const char *name) {
    ys_budget *b = ys_budget_of(L);
    idx = lua_absindex(L, idx);
    luaL_checkstack(L, 5, NULL);
    lua_createtable(L, 0, 0);
    lua_createtable(L, 0, 5);
    lua_pushvalue(L, idx);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, name);
    lua_pushcclosure(L, ys_readonly_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushvalue(L, idx);
    lua_pushcclosure(L, ys_readonly_pairs, 1);
    lua_setfield(L, -2, "__pairs");
    lua_pushvalue(L, idx);
    lua_pushcclosure(L, ys_readonly_len, 1);
    lua_setfield(L, -2, "__len");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_proxies);
    lua_pushvalue(L, -2);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/** `__index` for lookups that missed: removed names raise a sandbox error, others are nil. */
static inline int ys_guard_index(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING) {
        lua_pushvalue(L, 2);
        if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TSTRING)
            return ys_raise(L, YS_KIND_SANDBOX, "'%s' is not available in the sandbox",
                            lua_tostring(L, -1));
    }
    lua_pushnil(L);
    return 1;
}

/** Gives the table at `idx` a protected metatable whose `__index` is a guard over `set`. */
static inline void ys_set_guard(lua_State *L, int idx, int set) {
    idx = lua_absindex(L, idx);
    set = lua_absindex(L, set);
    lua_createtable(L, 0, 2);
    lua_pushvalue(L, set);
    lua_pushcclosure(L, ys_guard_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, idx);
}

static inline int ys_lua_require(lua_State *L);

/**
 * Pushes a fresh environment: `_G` is itself, misses go to the sandbox base. An untrusted
 * environment gets its own `require`, whose module cache is the table at `modules` (0: a new
 * one): the chunk and the modules it requires share their instances, and no other chunk
 * sees them.
 */
static inline void ys_push_env_sharing(lua_State *L, int trusted, int modules) {
    ys_budget *b = ys_budget_of(L);
    if (modules) modules = lua_absindex(L, modules);
    luaL_checkstack(L, 4, NULL);
    lua_createtable(L, 0, 2);
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "_G");
    if (trusted) {
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_host);
        lua_setfield(L, -2, "__host");
    } else {
        if (modules) lua_pushvalue(L, modules);
        else lua_newtable(L);
        lua_pushcclosure(L, ys_lua_require, 1);
        lua_setfield(L, -2, "require");
    }
    lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_envmeta);
    lua_setmetatable(L, -2);
}

/** Pushes a fresh environment with a new module cache; see `ys_push_env_sharing`. */
static inline void ys_push_env(lua_State *L, int trusted) { ys_push_env_sharing(L, trusted, 0); }


/* ---------------------------------------------------------------------------------------
 * Marshalling: Lua values -> flat buffer (raw reads, bounded, cycle-checked) and back.
 * Both run only inside C functions that Lua called or under lua_pcall.
 * ------------------------------------------------------------------------------------ */

/** State of one Lua-to-buffer conversion. */
typedef struct ys_writer {
    ys_buf *buf;
    int visiting; /* stack index of a table of tables being written (cycle detection) */
    int depth;
    long long elements;
    size_t bytes;
} ys_writer;

static inline void ys_put(lua_State *L, ys_writer *w, const void *bytes, size_t n) {
    if (!ys_buf_append(w->buf, bytes, n)) ys_raise(L, YS_KIND_MEMORY, "not enough memory");
}

static inline void ys_put_tag(lua_State *L, ys_writer *w, unsigned char tag) {
    ys_put(L, w, &tag, 1);
}

static inline void ys_write_value(lua_State *L, ys_budget *b, ys_writer *w, int idx);

static inline void ys_write_table(lua_State *L, ys_budget *b, ys_writer *w, int idx) {
    if (++w->depth > b->max_depth)
        ys_raise(L, YS_KIND_LIMIT, "table nesting deeper than %d levels", b->max_depth);
    luaL_checkstack(L, 8, NULL);
    const void *identity = lua_topointer(L, idx);
    if (lua_rawgetp(L, w->visiting, identity) != LUA_TNIL)
        ys_raise(L, YS_KIND_LIMIT, "cannot convert a cyclic table");
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
    lua_rawsetp(L, w->visiting, identity);

    size_t namelen = 0;
    const char *name = NULL;
    int top = lua_gettop(L);
    if (lua_getmetatable(L, idx)) {
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_mtnames);
        lua_pushvalue(L, -2);
        if (lua_rawget(L, -2) == LUA_TSTRING) name = lua_tolstring(L, -1, &namelen);
    }
    size_t header = w->buf->len;
    uint32_t counts[3] = {0, 0, (uint32_t)namelen};
    ys_put_tag(L, w, YS_TAG_TABLE);
    ys_put(L, w, counts, sizeof counts);
    if (namelen) ys_put(L, w, name, namelen);
    lua_settop(L, top);

    lua_Integer n = 0;
    while (lua_rawgeti(L, idx, n + 1) != LUA_TNIL) {
        ys_write_value(L, b, w, -1);
        lua_pop(L, 1);
        n++;
    }
    lua_pop(L, 1);
    uint32_t nhash = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int kt = lua_type(L, -2);
        if (kt == LUA_TNUMBER && lua_isinteger(L, -2)) {
            lua_Integer k = lua_tointeger(L, -2);
            if (k >= 1 && k <= n) {
                lua_pop(L, 1);
                continue;
            }
        } else if (kt != LUA_TSTRING && kt != LUA_TNUMBER && kt != LUA_TBOOLEAN) {
            ys_raise(L, YS_KIND_CONVERSION, "cannot convert a table key of type %s",
                     lua_typename(L, kt));
        }
        ys_write_value(L, b, w, -2);
        ys_write_value(L, b, w, -1);
        lua_pop(L, 1);
        nhash++;
    }
    if (n > (lua_Integer)UINT32_MAX) ys_raise(L, YS_KIND_LIMIT, "table too large");
    counts[0] = (uint32_t)n;
    counts[1] = nhash;
    memcpy(w->buf->data + header + 1, counts, sizeof counts);
    lua_pushnil(L);
    lua_rawsetp(L, w->visiting, identity);
    w->depth--;
}

/** Appends the value at `idx`; raises a classified error when it cannot be converted. */
static inline void ys_write_value(lua_State *L, ys_budget *b, ys_writer *w, int idx) {
    idx = lua_absindex(L, idx);
    if (++w->elements > b->max_elements)
        ys_raise(L, YS_KIND_LIMIT, "value has more than %I elements",
                 (lua_Integer)b->max_elements);
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        ys_put_tag(L, w, YS_TAG_NIL);
        break;
    case LUA_TBOOLEAN:
        ys_put_tag(L, w, lua_toboolean(L, idx) ? YS_TAG_TRUE : YS_TAG_FALSE);
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            int64_t i = (int64_t)lua_tointeger(L, idx);
            ys_put_tag(L, w, YS_TAG_INTEGER);
            ys_put(L, w, &i, sizeof i);
        } else {
            double d = (double)lua_tonumber(L, idx);
            ys_put_tag(L, w, YS_TAG_NUMBER);
            ys_put(L, w, &d, sizeof d);
        }
        break;
    case LUA_TSTRING: {
        size_t len = 0;
        const char *s = lua_tolstring(L, idx, &len);
        w->bytes += len;
        if (w->bytes > b->max_bytes)
            ys_raise(L, YS_KIND_LIMIT, "strings in value exceed %I bytes",
                     (lua_Integer)b->max_bytes);
        uint64_t n = (uint64_t)len;
        ys_put_tag(L, w, YS_TAG_STRING);
        ys_put(L, w, &n, sizeof n);
        ys_put(L, w, s, len);
        break;
    }
    case LUA_TFUNCTION: {
        luaL_checkstack(L, 1, NULL);
        lua_pushvalue(L, idx);
        int32_t ref = (int32_t)luaL_ref(L, LUA_REGISTRYINDEX);
        ys_put_tag(L, w, YS_TAG_FUNCTION);
        ys_put(L, w, &ref, sizeof ref);
        break;
    }
    case LUA_TTABLE:
        ys_write_table(L, b, w, idx);
        break;
    default:
        ys_raise(L, YS_KIND_CONVERSION, "cannot convert a %s value", luaL_typename(L, idx));
    }
}

/** Encodes stack slots `first ... first + n - 1` into `buf` (cleared first). */
static inline void ys_write_values(lua_State *L, ys_budget *b, ys_buf *buf, int first, int n) {
    first = lua_absindex(L, first);
    luaL_checkstack(L, 2, NULL);
    lua_newtable(L);
    ys_writer w = {buf, lua_gettop(L), 0, 0, 0};
    buf->len = 0;
    for (int i = 0; i < n; i++) ys_write_value(L, b, &w, first + i);
    lua_pop(L, 1);
}

/** Cursor over an encoded buffer. */
typedef struct ys_reader {
    const char *p;
    const char *end;
    int depth;
} ys_reader;

static inline const char *ys_take(lua_State *L, ys_reader *r, size_t n) {
    if ((size_t)(r->end - r->p) < n) ys_raise(L, YS_KIND_HOSTAPI, "truncated value buffer");
    const char *at = r->p;
    r->p += n;
    return at;
}

/** Pushes one decoded value; named metatables come from the registered set. */
static inline void ys_push_value(lua_State *L, ys_budget *b, ys_reader *r) {
    luaL_checkstack(L, 6, "value nested too deeply");
    unsigned char tag = (unsigned char)*ys_take(L, r, 1);
    switch (tag) {
    case YS_TAG_NIL:
        lua_pushnil(L);
        break;
    case YS_TAG_FALSE:
    case YS_TAG_TRUE:
        lua_pushboolean(L, tag == YS_TAG_TRUE);
        break;
    case YS_TAG_INTEGER: {
        int64_t i;
        memcpy(&i, ys_take(L, r, sizeof i), sizeof i);
        lua_pushinteger(L, (lua_Integer)i);
        break;
    }
    case YS_TAG_NUMBER: {
        double d;
        memcpy(&d, ys_take(L, r, sizeof d), sizeof d);
        lua_pushnumber(L, (lua_Number)d);
        break;
    }
    case YS_TAG_STRING: {
        uint64_t n;
        memcpy(&n, ys_take(L, r, sizeof n), sizeof n);
        const char *s = ys_take(L, r, (size_t)n);
        lua_pushlstring(L, s, (size_t)n);
        break;
    }
    case YS_TAG_FUNCTION: {
        int32_t ref;
        memcpy(&ref, ys_take(L, r, sizeof ref), sizeof ref);
        if (lua_rawgeti(L, LUA_REGISTRYINDEX, ref) != LUA_TFUNCTION)
            ys_raise(L, YS_KIND_HOSTAPI, "function reference is no longer valid");
        break;
    }
    case YS_TAG_TABLE: {
        uint32_t counts[3];
        memcpy(counts, ys_take(L, r, sizeof counts), sizeof counts);
        const char *name = ys_take(L, r, counts[2]);
        if (++r->depth > b->max_depth)
            ys_raise(L, YS_KIND_LIMIT, "table nesting deeper than %d levels", b->max_depth);
        lua_createtable(L, counts[0] > INT32_MAX ? 0 : (int)counts[0],
                        counts[1] > INT32_MAX ? 0 : (int)counts[1]);
        for (uint32_t i = 0; i < counts[0]; i++) {
            ys_push_value(L, b, r);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        for (uint32_t i = 0; i < counts[1]; i++) {
            ys_push_value(L, b, r);
            if (lua_isnil(L, -1) || (lua_type(L, -1) == LUA_TNUMBER && isnan(lua_tonumber(L, -1))))
                ys_raise(L, YS_KIND_HOSTAPI, "table key is nil or NaN");
            ys_push_value(L, b, r);
            lua_rawset(L, -3);
        }
        if (counts[2]) {
            lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_mtbyname);
            lua_pushlstring(L, name, counts[2]);
            if (lua_rawget(L, -2) != LUA_TTABLE)
                ys_raise(L, YS_KIND_HOSTAPI, "no metatable registered as '%s'",
                         lua_pushlstring(L, name, counts[2]));
            lua_setmetatable(L, -3);
            lua_pop(L, 1);
        }
        r->depth--;
        break;
    }
    default:
        ys_raise(L, YS_KIND_HOSTAPI, "corrupt value buffer");
    }
}

/* ---------------------------------------------------------------------------------------
 * Host calls: the trampoline, print and require.
 * ------------------------------------------------------------------------------------ */

/**
 * Calls the Swift host callback with stack slots `first ... first + nargs - 1` and pushes
 * its results. A host failure is raised here, after Swift has returned.
 */
static inline int ys_host_call(lua_State *L, int id, int first, int nargs) {
    ys_budget *b = ys_budget_of(L);
    if (!b->host) return ys_raise(L, YS_KIND_HOSTAPI, "no host is attached");
    ys_write_values(L, b, &b->args, first, nargs);
    b->out.len = 0;
    int nresults = 0;
    int status = b->host(b->host_ctx, id, b->args.data, b->args.len, nargs, &b->out, &nresults);
    if (status != 0) {
        lua_pushlstring(L, b->out.data ? b->out.data : "", b->out.len);
        return ys_raise(L, status, "%s", lua_tostring(L, -1));
    }
    luaL_checkstack(L, nresults + 6, "too many results");
    ys_reader r = {b->out.data, b->out.data + b->out.len, 0};
    for (int i = 0; i < nresults; i++) ys_push_value(L, b, &r);
    return nresults;
}

/** The C function behind every registered Swift host function (upvalue 1: its id). */
static inline int ys_trampoline(lua_State *L) {
    int id = (int)lua_tointeger(L, lua_upvalueindex(1));
    return ys_host_call(L, id, 1, lua_gettop(L));
}

/** `print`: joins `tostring` of the arguments with tabs and sends the line to the host. */
static inline int ys_lua_print(lua_State *L) {
    ys_budget *b = ys_budget_of(L);
    int n = lua_gettop(L);
    luaL_checkstack(L, 2 * n + 4, "too many arguments to print");
    for (int i = 1; i <= n; i++) {
        if (i > 1) lua_pushliteral(L, "\t");
        luaL_tolstring(L, i, NULL);
    }
    if (n == 0) lua_pushliteral(L, "");
    else lua_concat(L, 2 * n - 1);
    b->log_lines += 1;
    b->log_bytes += (long long)lua_rawlen(L, -1);
    if (b->log_lines > b->max_log_lines || b->log_bytes > b->max_log_bytes)
        return ys_raise(L, YS_KIND_LIMIT, "print limit reached (%I lines or %I bytes per call)",
                        (lua_Integer)b->max_log_lines, (lua_Integer)b->max_log_bytes);
    ys_host_call(L, YS_ID_PRINT, lua_gettop(L), 1);
    return 0;
}

/** Whether `name` matches `[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*`. */
static inline int ys_valid_module_name(const char *name, size_t len) {
    if (len == 0 || len > 200) return 0;
    int segment = 0;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (c == '.') {
            if (segment == 0) return 0;
            segment = 0;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   (c >= '0' && c <= '9') || c == '_') {
            segment++;
        } else {
            return 0;
        }
    }
    return segment > 0;
}

/** Compiles the text at stack slot `src` named by slot `name`, or raises. */
static inline void ys_compile(lua_State *L, int src, int name, int kind_on_error) {
    ys_budget *b = ys_budget_of(L);
    size_t len = 0;
    const char *text = lua_tolstring(L, src, &len);
    if (len > b->max_source)
        ys_raise(L, YS_KIND_LIMIT, "source is %I bytes, more than the limit of %I",
                 (lua_Integer)len, (lua_Integer)b->max_source);
    if (len > 0 && text[0] == LUA_SIGNATURE[0])
        ys_raise(L, YS_KIND_SANDBOX, "binary chunks are not allowed");
    int status = luaL_loadbufferx(L, text, len, lua_tostring(L, name), "t");
    if (status == LUA_ERRMEM) lua_error(L);
    if (status != LUA_OK) ys_raise(L, kind_on_error, "%s", lua_tostring(L, -1));
}

/**
 * `require`: validated name, host resolver (asked once per state: sources are kept), a
 * text-only sandboxed load, and instances cached per requiring chunk (upvalue 1, shared
 * with the modules it loads), so that one indicator changing a module table cannot change
 * what another indicator's `require` returns.
 */
static inline int ys_lua_require(lua_State *L) {
    ys_budget *b = ys_budget_of(L);
    size_t len = 0;
    luaL_checktype(L, 1, LUA_TSTRING);
    const char *name = lua_tolstring(L, 1, &len);
    lua_settop(L, 1);
    if (!ys_valid_module_name(name, len)) {
        lua_pushlstring(L, name, len > 60 ? 60 : len);
        return ys_raise(L, YS_KIND_SANDBOX, "invalid module name '%s'", lua_tostring(L, -1));
    }
    if (lua_type(L, lua_upvalueindex(1)) == LUA_TTABLE) lua_pushvalue(L, lua_upvalueindex(1)); /* 2 */
    else lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_loaded);
    lua_pushvalue(L, 1);
    int t = lua_rawget(L, 2);
    if (t == LUA_TLIGHTUSERDATA && lua_touserdata(L, -1) == &b->key_loading)
        return ys_raise(L, YS_KIND_RUNTIME, "loop while loading module '%s'", name);
    if (t != LUA_TNIL) return 1;
    lua_settop(L, 2);
    /* sources by name, kept per state: "\1name" -> source, "\2name" -> chunk name */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_loaded); /* 3 */
    lua_pushfstring(L, "\1%s", name);
    lua_rawget(L, 3);
    lua_pushfstring(L, "\2%s", name);
    lua_rawget(L, 3);
    if (lua_type(L, 4) == LUA_TSTRING && lua_type(L, 5) == LUA_TSTRING) {
        lua_remove(L, 3);
    } else {
        lua_settop(L, 2);
        int found = ys_host_call(L, YS_ID_RESOLVE, 1, 1); /* pushes source, chunk name */
        if (found < 2 || lua_type(L, 3) != LUA_TSTRING || lua_type(L, 4) != LUA_TSTRING)
            return ys_raise(L, YS_KIND_SANDBOX, "module '%s' not found", name);
        lua_settop(L, 4);
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_loaded); /* 5 */
        lua_pushfstring(L, "\1%s", name);
        lua_pushvalue(L, 3);
        lua_rawset(L, 5);
        lua_pushfstring(L, "\2%s", name);
        lua_pushvalue(L, 4);
        lua_rawset(L, 5);
        lua_settop(L, 4);
    }
    lua_pushvalue(L, 1);
    lua_pushlightuserdata(L, &b->key_loading);
    lua_rawset(L, 2);
    ys_compile(L, 3, 4, YS_KIND_SYNTAX); /* 5: chunk */
    ys_push_env_sharing(L, 0, 2);
    lua_setupvalue(L, 5, 1);
    lua_pushvalue(L, 1);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        if (b->killed) return ys_raise_kill(L);
        lua_pushvalue(L, 1);
        lua_pushnil(L);
        lua_rawset(L, 2);
        return lua_error(L);
    }
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, -2);
    lua_rawset(L, 2);
    return 1;
}

/** `load`: text only, size-capped; default environment is a fresh sandbox environment. */
static inline int ys_lua_load(lua_State *L) {
    luaL_argexpected(L, lua_type(L, 1) == LUA_TSTRING, 1, "string");
    int has_env = lua_type(L, 4) == LUA_TTABLE;
    if (lua_isnoneornil(L, 2)) {
        lua_settop(L, 4);
        lua_pushliteral(L, "=(load)");
        lua_replace(L, 2);
    }
    luaL_checktype(L, 2, LUA_TSTRING);
    ys_budget *b = ys_budget_of(L);
    size_t len = lua_rawlen(L, 1);
    const char *text = lua_tostring(L, 1);
    if (len > b->max_source)
        return ys_raise(L, YS_KIND_LIMIT, "source is %I bytes, more than the limit of %I",
                        (lua_Integer)len, (lua_Integer)b->max_source);
    if (len > 0 && text[0] == LUA_SIGNATURE[0])
        return ys_raise(L, YS_KIND_SANDBOX, "binary chunks are not allowed");
    if (luaL_loadbufferx(L, text, len, lua_tostring(L, 2), "t") != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env) lua_pushvalue(L, 4);
    else ys_push_env(L, 0);
    lua_setupvalue(L, -2, 1);
    return 1;
}

/* ---------------------------------------------------------------------------------------
 * Pattern guard: Lua's matcher backtracks inside one C call that no hook can interrupt.
 * ------------------------------------------------------------------------------------ */

/** Upper bound on the estimated matcher work (subject length ^ (wide quantifiers + 1)). */
#define YS_PATTERN_MAX_WORK 1e8

/**
 * Counts quantified "wide" items (`.` or a negated set `[^...]` followed by `*`, `-` or
 * `+`), the items that make backtracking polynomial in the subject length.
 */
static inline int ys_pattern_wide_items(const char *p, size_t len, int *anchored) {
    size_t i = 0;
    int wide_items = 0;
    *anchored = len > 0 && p[0] == '^';
    if (*anchored) i = 1;
    while (i < len) {
        int wide = 0;
        char c = p[i];
        if (c == '%') {
            char k = i + 1 < len ? p[i + 1] : 0;
            i += 2;
            if (k == 'b') i += 2;
            else if (k == 'f' && i < len && p[i] == '[') {
                i++;
                if (i < len && p[i] == '^') i++;
                if (i < len && p[i] == ']') i++;
                while (i < len && p[i] != ']') i += (p[i] == '%') ? 2 : 1;
                i++;
            }
            continue; /* %b and %f take no quantifier; classes like %a are narrow */
        } else if (c == '[') {
            i++;
            if (i < len && p[i] == '^') {
                wide = 1;
                i++;
            }
            if (i < len && p[i] == ']') i++;
            while (i < len && p[i] != ']') i += (p[i] == '%') ? 2 : 1;
            i++;
        } else {
            wide = c == '.';
            i++;
        }
        if (i < len && (p[i] == '*' || p[i] == '-' || p[i] == '+')) {
            wide_items += wide;
            i++;
        } else if (i < len && p[i] == '?') {
            i++;
        }
    }
    return wide_items;
}

/** Wraps string.find/match/gmatch/gsub (upvalue 1: the original) with size/work caps. */
static inline int ys_pattern_guard(lua_State *L) {
    ys_budget *b = ys_budget_of(L);
    size_t slen = 0, plen = 0;
    luaL_checklstring(L, 1, &slen);
    const char *p = luaL_checklstring(L, 2, &plen);
    if (slen > b->max_pattern_subject)
        return ys_raise(L, YS_KIND_LIMIT, "pattern subject is %I bytes, more than %I",
                        (lua_Integer)slen, (lua_Integer)b->max_pattern_subject);
    if (plen > b->max_pattern)
        return ys_raise(L, YS_KIND_LIMIT, "pattern is %I bytes, more than %I",
                        (lua_Integer)plen, (lua_Integer)b->max_pattern);
    int plain = lua_toboolean(L, 4) && lua_toboolean(L, lua_upvalueindex(2));
    if (!plain) {
        int anchored = 0;
        int wide = ys_pattern_wide_items(p, plen, &anchored);
        if (wide >= 2 && pow((double)slen, wide + (anchored ? 0 : 1)) > YS_PATTERN_MAX_WORK)
            return ys_raise(L, YS_KIND_LIMIT,
                            "pattern too complex for a %I-byte subject (%d wide repetitions)",
                            (lua_Integer)slen, wide);
    }
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* ---------------------------------------------------------------------------------------
 * Privileged functions in the trusted `__host` table.
 * ------------------------------------------------------------------------------------ */

/**
 * Installs `value` as base global `name`. A table becomes a read-only proxy when `force`
 * is set or when it has no metatable (tables with metatables are value types that
 * protect themselves with `__metatable`).
 */
static inline void ys_install_global(lua_State *L, int name, int value, int force) {
    ys_budget *b = ys_budget_of(L);
    name = lua_absindex(L, name);
    value = lua_absindex(L, value);
    luaL_checkstack(L, 4, NULL);
    int proxy = 0;
    if (lua_type(L, value) == LUA_TTABLE) {
        proxy = force || !lua_getmetatable(L, value);
        lua_settop(L, lua_gettop(L) - (force ? 0 : !proxy));
    }
    lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_base);
    lua_pushvalue(L, name);
    if (proxy) ys_push_readonly(L, value, lua_tostring(L, name));
    else lua_pushvalue(L, value);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/** `__host.install(name, value)`: see `ys_install_global`. */
static inline int ys_host_install(lua_State *L) {
    luaL_checktype(L, 1, LUA_TSTRING);
    luaL_checkany(L, 2);
    ys_install_global(L, 1, 2, 0);
    return 0;
}

/** `__host.readonly(t)`: returns a read-only proxy of `t`. */
static inline int ys_host_readonly(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    ys_push_readonly(L, 1, luaL_optstring(L, 2, "?"));
    return 1;
}

/**
 * `__host.fresh_budget()`: gives the next unit of work of the running call the full
 * instruction, time and `print` budgets again. Trusted code that runs several indicators in
 * one call (one per subject) calls it before each, so limits stay per indicator. A run that
 * was already stopped stays stopped.
 */
static inline int ys_host_fresh_budget(lua_State *L) {
    ys_budget *b = ys_budget_of(L);
    if (b->killed) return ys_raise_kill(L);
    b->units += 1;
    b->mem_line = -1;
    b->mem_src[0] = 0;
    b->instr_used = 0;
    b->deadline = b->seconds > 0 ? ys_now() + b->seconds : 0;
    b->log_lines = 0;
    b->log_bytes = 0;
    return 0;
}

/**
 * `__host.register_metatable(name, mt)`: makes `mt` available to Swift as a named
 * metatable (push and recognise). Rejects a raw `__gc`; adds `__metatable = false`
 * when absent so that untrusted code cannot reach or change it.
 */
static inline int ys_host_register_metatable(lua_State *L) {
    ys_budget *b = ys_budget_of(L);
    luaL_checktype(L, 1, LUA_TSTRING);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL)
        return ys_raise(L, YS_KIND_SANDBOX, "__gc metamethods are not allowed");
    lua_pop(L, 1);
    lua_pushliteral(L, "__metatable");
    if (lua_rawget(L, 2) == LUA_TNIL) {
        lua_pushliteral(L, "__metatable");
        lua_pushboolean(L, 0);
        lua_rawset(L, 2);
    }
    lua_settop(L, 2);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_mtbyname);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_rawset(L, -3);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_mtnames);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 1);
    lua_rawset(L, -3);
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * Setup operations (run protected through ys_setup).
 * ------------------------------------------------------------------------------------ */

typedef struct ys_setup_args {
    int op;
    const char *a;
    const char *b;
    lua_Integer n;
} ys_setup_args;

static inline lua_CFunction ys_replacement(const char *name) {
    if (strcmp(name, "pcall") == 0) return ys_lua_pcall;
    if (strcmp(name, "xpcall") == 0) return ys_lua_xpcall;
    if (strcmp(name, "setmetatable") == 0) return ys_lua_setmetatable;
    if (strcmp(name, "rawset") == 0) return ys_lua_rawset;
    if (strcmp(name, "print") == 0) return ys_lua_print;
    if (strcmp(name, "require") == 0) return ys_lua_require;
    if (strcmp(name, "load") == 0) return ys_lua_load;
    return NULL;
}

static inline void ys_new_registry_table(lua_State *L, void *key, const char *mode) {
    lua_newtable(L);
    if (mode) {
        lua_createtable(L, 0, 1);
        lua_pushstring(L, mode);
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
    }
    lua_rawsetp(L, LUA_REGISTRYINDEX, key);
}

static inline void ys_open(lua_State *L, ys_budget *b) {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_settop(L, 0);
    ys_new_registry_table(L, &b->key_base, NULL);
    ys_new_registry_table(L, &b->key_host, NULL);
    ys_new_registry_table(L, &b->key_loaded, NULL);
    ys_new_registry_table(L, &b->key_mtbyname, NULL);
    ys_new_registry_table(L, &b->key_mtnames, "k");
    ys_new_registry_table(L, &b->key_proxies, "k");
    ys_new_registry_table(L, &b->key_libs, NULL);
    ys_new_registry_table(L, &b->key_removed, NULL);
    /* the base misses into a guard over the removed names */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_base);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_removed);
    ys_set_guard(L, 1, 2);
    /* environments: misses go to the base; their metatable is hidden */
    lua_createtable(L, 0, 2);
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &b->key_envmeta);
    /* privileged functions for trusted code */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_host);
    lua_pushcfunction(L, ys_host_install);
    lua_setfield(L, -2, "install");
    lua_pushcfunction(L, ys_host_readonly);
    lua_setfield(L, -2, "readonly");
    lua_pushcfunction(L, ys_host_register_metatable);
    lua_setfield(L, -2, "register_metatable");
    lua_pushcfunction(L, ys_host_fresh_budget);
    lua_setfield(L, -2, "fresh_budget");
    lua_settop(L, 0);
}

static inline int ys_setup_body(lua_State *L) {
    ys_setup_args *s = (ys_setup_args *)lua_touserdata(L, 1);
    ys_budget *b = ys_budget_of(L);
    lua_settop(L, 0);
    switch (s->op) {
    case YS_OP_OPEN:
        ys_open(L, b);
        break;
    case YS_OP_KEEP_GLOBAL:
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_base);
        lua_getglobal(L, s->a);
        lua_setfield(L, 1, s->a);
        break;
    case YS_OP_REPLACE: {
        lua_CFunction f = ys_replacement(s->a);
        if (!f) return luaL_error(L, "no replacement for '%s'", s->a);
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_base);
        lua_pushcfunction(L, f);
        lua_setfield(L, 1, s->a);
        break;
    }
    case YS_OP_REMOVE:
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_removed);
        lua_pushstring(L, s->b);
        lua_setfield(L, 1, s->a);
        break;
    case YS_OP_LIB_COPY: {
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_libs); /* 1 */
        lua_getglobal(L, s->a);                          /* 2 */
        luaL_checktype(L, 2, LUA_TTABLE);
        lua_newtable(L); /* 3: copy */
        lua_newtable(L); /* 4: removed members */
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, 3);
        }
        ys_set_guard(L, 3, 4);
        lua_pushfstring(L, "%s.removed", s->a);
        lua_pushvalue(L, 4);
        lua_rawset(L, 1);
        lua_pushvalue(L, 3);
        lua_setfield(L, 1, s->a);
        break;
    }
    case YS_OP_LIB_REMOVE:
    case YS_OP_LIB_GUARD:
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_libs);
        lua_getfield(L, 1, s->a); /* 2: copy */
        luaL_checktype(L, 2, LUA_TTABLE);
        if (s->op == YS_OP_LIB_REMOVE) {
            lua_pushnil(L);
            lua_setfield(L, 2, s->b);
            lua_getfield(L, 1, lua_pushfstring(L, "%s.removed", s->a));
            lua_pushfstring(L, "%s.%s", s->a, s->b);
            lua_setfield(L, -2, s->b);
        } else {
            lua_getfield(L, 2, s->b);
            luaL_checktype(L, -1, LUA_TFUNCTION);
            lua_pushboolean(L, strcmp(s->b, "find") == 0); /* whether `plain` exists */
            lua_pushcclosure(L, ys_pattern_guard, 2);
            lua_setfield(L, 2, s->b);
        }
        break;
    case YS_OP_LIB_SEAL:
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_libs);
        lua_getfield(L, 1, s->a); /* 2: copy */
        luaL_checktype(L, 2, LUA_TTABLE);
        lua_pushstring(L, s->a);
        ys_install_global(L, 3, 2, 1);
        if (strcmp(s->a, LUA_STRLIBNAME) == 0) {
            lua_pushliteral(L, "");
            if (lua_getmetatable(L, -1)) {
                lua_pushvalue(L, 2);
                lua_setfield(L, -2, "__index");
                lua_pushboolean(L, 0);
                lua_setfield(L, -2, "__metatable");
            }
        }
        break;
    case YS_OP_SEED:
        lua_getglobal(L, LUA_MATHLIBNAME);
        lua_getfield(L, 1, "randomseed");
        lua_pushinteger(L, s->n);
        lua_call(L, 1, 0);
        break;
    case YS_OP_REGISTER:
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_host); /* 1 */
        if (s->b) {
            lua_pushstring(L, s->b);
            if (lua_rawget(L, 1) != LUA_TTABLE) {
                lua_pop(L, 1);
                lua_newtable(L);
                lua_pushstring(L, s->b);
                lua_pushvalue(L, -2);
                lua_rawset(L, 1);
            }
        }
        lua_pushstring(L, s->a);
        lua_pushinteger(L, s->n);
        lua_pushcclosure(L, ys_trampoline, 1);
        lua_rawset(L, -3);
        break;
    case YS_OP_UNREF:
        luaL_unref(L, LUA_REGISTRYINDEX, (int)s->n);
        break;
    case YS_OP_INSTALL: {
        ys_reader r = {b->args.data, b->args.data + b->args.len, 0};
        lua_pushstring(L, s->a);
        ys_push_value(L, b, &r);
        ys_install_global(L, 1, 2, 0);
        break;
    }
    default:
        return luaL_error(L, "unknown setup operation %d", s->op);
    }
    lua_settop(L, 0);
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * Error capture (safe outside protection: only `-` APIs and C buffers).
 * ------------------------------------------------------------------------------------ */

/** Classifies the error object at `idx` raised with `status` into the budget's err_*. */
static inline void ys_capture_error(lua_State *L, ys_budget *b, int status, int idx) {
    idx = lua_absindex(L, idx);
    b->err_msg.len = 0;
    b->err_line = -1;
    int t = lua_type(L, idx);
    if (t == LUA_TSTRING) {
        size_t len = 0;
        const char *msg = lua_tolstring(L, idx, &len);
        ys_set_message(&b->err_msg, msg, len);
    } else if (t == LUA_TNUMBER) {
        char text[64];
        if (lua_isinteger(L, idx))
            snprintf(text, sizeof text, "%lld", (long long)lua_tointeger(L, idx));
        else
            snprintf(text, sizeof text, "%.14g", (double)lua_tonumber(L, idx));
        ys_buf_append(&b->err_msg, text, strlen(text));
    } else if (!(t == LUA_TLIGHTUSERDATA && lua_touserdata(L, idx) == &b->killed)) {
        const char *text = "(error object is not a string)";
        ys_buf_append(&b->err_msg, text, strlen(text));
    }
    if (b->killed) {
        b->err_kind = b->killed == YS_KILL_TIMEOUT ? YS_KIND_TIMEOUT : YS_KIND_INSTRUCTIONS;
        b->err_line = b->kill_line;
        b->err_msg.len = 0;
        ys_buf_append(&b->err_msg, b->kill_src, strlen(b->kill_src));
        return;
    }
    if (status == LUA_ERRMEM) {
        b->err_kind = YS_KIND_MEMORY;
        b->err_line = b->mem_line;
        b->err_msg.len = 0;
        ys_buf_append(&b->err_msg, b->mem_src, strlen(b->mem_src));
        return;
    }
    if (status == LUA_ERRSYNTAX) {
        b->err_kind = YS_KIND_SYNTAX;
        return;
    }
    b->err_kind = YS_KIND_RUNTIME;
    if (t == LUA_TSTRING && lua_checkstack(L, 1)) {
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_lasterr);
        if (lua_rawequal(L, -1, idx)) b->err_kind = b->lasterr_kind;
        lua_settop(L, lua_gettop(L) - 1);
        if (b->err_kind == YS_KIND_RUNTIME && b->denied && b->err_msg.len == 17 &&
            memcmp(b->err_msg.data, "not enough memory", 17) == 0) {
            b->err_kind = YS_KIND_MEMORY;
            b->err_line = b->mem_line;
            b->err_msg.len = 0;
            ys_buf_append(&b->err_msg, b->mem_src, strlen(b->mem_src));
        }
    }
}

/* ---------------------------------------------------------------------------------------
 * Swift entry points. Each returns a Lua status; on failure err_kind/err_msg/err_tb of
 * the budget describe the error.
 * ------------------------------------------------------------------------------------ */

/** Swift entry: runs `body(ud)` under lua_pcall and captures any error. Never raises. */
static inline int ys_protected(lua_State *L, lua_CFunction body, void *ud) {
    ys_budget *b = ys_budget_of(L);
    int top = lua_gettop(L);
    b->killed = YS_KILL_NONE;
    if (!lua_checkstack(L, 4)) {
        b->err_kind = YS_KIND_MEMORY;
        b->err_msg.len = 0;
        return LUA_ERRMEM;
    }
    lua_pushcfunction(L, body);
    lua_pushlightuserdata(L, ud);
    int status = lua_pcall(L, 1, 0, 0);
    if (status != LUA_OK) ys_capture_error(L, b, status, -1);
    lua_settop(L, top);
    return status;
}

/** Swift entry: creates a state with a fresh budget (memory cap `cap`), or NULL. */
static inline lua_State *ys_newstate(size_t cap) {
    ys_budget *b = (ys_budget *)calloc(1, sizeof(ys_budget));
    if (!b) return NULL;
    b->cap = cap;
    b->hook_step = 1000;
    b->instr_limit = 100000000;
    b->max_depth = 64;
    b->max_elements = 1000000;
    b->max_bytes = 64u << 20;
    b->max_source = 4u << 20;
    b->max_pattern_subject = 1u << 20;
    b->max_pattern = 256;
    b->max_log_lines = 10000;
    b->max_log_bytes = 1 << 20;
    lua_State *L = lua_newstate(ys_alloc, b);
    if (!L) {
        free(b);
        return NULL;
    }
    *(ys_budget **)lua_getextraspace(L) = b;
    b->mem_line = -1;
    b->main = L;
    lua_atpanic(L, ys_panic);
    return L;
}

/** Swift entry: closes the state and frees its budget and buffers. */
static inline void ys_close(lua_State *L) {
    ys_budget *b = ys_budget_of(L);
    lua_close(L);
    free(b->args.data);
    free(b->out.data);
    free(b->err_msg.data);
    free(b->err_tb.data);
    free(b);
}

/** Swift entry: runs one `YS_OP_*` setup operation (memory cap not enforced). */
static inline int ys_setup(lua_State *L, int op, const char *a, const char *b, lua_Integer n) {
    ys_setup_args s = {op, a, b, n};
    return ys_protected(L, ys_setup_body, &s);
}

/** Arguments and results of `ys_load`. */
typedef struct ys_load_args {
    const char *source;
    size_t len;
    const char *chunkname;
    int trusted;
    int ref; /* out: registry reference of the compiled function */
} ys_load_args;

static inline int ys_load_body(lua_State *L) {
    ys_load_args *a = (ys_load_args *)lua_touserdata(L, 1);
    ys_budget *b = ys_budget_of(L);
    lua_settop(L, 0);
    lua_pushlstring(L, a->source, a->len);
    lua_pushstring(L, a->chunkname);
    b->enforce = 1;
    b->denied = 0;
    ys_compile(L, 1, 2, YS_KIND_SYNTAX);
    b->enforce = 0;
    ys_push_env(L, a->trusted);
    lua_setupvalue(L, 3, 1);
    lua_settop(L, 3);
    a->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/** Swift entry: compiles text (mode "t") into a fresh environment; see `ys_load_args`. */
static inline int ys_load(lua_State *L, ys_load_args *a) {
    int status = ys_protected(L, ys_load_body, a);
    ys_budget_of(L)->enforce = 0;
    return status;
}

/** Arguments and results of `ys_call`. */
typedef struct ys_call_args {
    int ref;          /* function to call */
    const char *args; /* encoded arguments (Swift memory, valid during the call) */
    size_t len;
    int nargs;
    int status;       /* out: status of the script run (LUA_OK when it succeeded) */
    int nresults;     /* out: number of encoded results in the budget's `out` buffer */
} ys_call_args;

static inline int ys_call_body(lua_State *L) {
    ys_call_args *a = (ys_call_args *)lua_touserdata(L, 1);
    ys_budget *b = ys_budget_of(L);
    lua_settop(L, 0);
    lua_pushcfunction(L, ys_msgh); /* 1 */
    if (lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref) != LUA_TFUNCTION)
        return ys_raise(L, YS_KIND_HOSTAPI, "function reference is no longer valid");
    luaL_checkstack(L, a->nargs + 8, "too many arguments");
    ys_reader r = {a->args, a->args + a->len, 0};
    for (int i = 0; i < a->nargs; i++) ys_push_value(L, b, &r);
    ys_begin_run(L, b);
    a->status = lua_pcall(L, a->nargs, LUA_MULTRET, 1);
    ys_end_run(L, b);
    if (a->status != LUA_OK) {
        ys_capture_error(L, b, a->status, -1);
        lua_settop(L, 0);
        return 0;
    }
    a->nresults = lua_gettop(L) - 1;
    ys_write_values(L, b, &b->out, 2, a->nresults);
    lua_settop(L, 0);
    return 0;
}

/**
 * Swift entry: calls a function under the limits and encodes its results. Returns the
 * marshalling status; `a->status` is the status of the script itself.
 */
static inline int ys_call(lua_State *L, ys_call_args *a) {
    ys_budget *b = ys_budget_of(L);
    a->status = LUA_OK;
    a->nresults = 0;
    b->enforce = 0;
    int status = ys_protected(L, ys_call_body, a);
    ys_end_run(L, b);
    return status;
}

/* ---------------------------------------------------------------------------------------
 * Dumping a function's prototype for inspection by the host.
 * ------------------------------------------------------------------------------------ */

typedef struct ys_dump_args {
    int ref;     /* registry reference of the function */
    ys_buf *out; /* receives the binary chunk */
} ys_dump_args;

static inline int ys_dump_writer(lua_State *L, const void *p, size_t sz, void *ud) {
    (void)L;
    return ys_buf_append((ys_buf *)ud, p, sz) ? 0 : 1;
}

static inline int ys_dump_body(lua_State *L) {
    ys_dump_args *a = (ys_dump_args *)lua_touserdata(L, 1);
    if (lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref) != LUA_TFUNCTION || lua_iscfunction(L, -1))
        return ys_raise(L, YS_KIND_HOSTAPI, "not a Lua function");
    a->out->len = 0;
    if (lua_dump(L, ys_dump_writer, a->out, 0) != 0)
        return ys_raise(L, YS_KIND_MEMORY, "cannot dump the function");
    return 0;
}

/**
 * Swift entry: writes the binary chunk of a Lua function (with debug information) into
 * `out`, for the host to read its instructions. The chunk never goes back into a state:
 * scripts cannot load binary chunks.
 */
static inline int ys_dump(lua_State *L, int ref, ys_buf *out) {
    ys_dump_args a = {ref, out};
    return ys_protected(L, ys_dump_body, &a);
}

#endif /* YARDSTICK_CLUA_SHIM_H */
