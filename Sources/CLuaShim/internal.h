/*
 * internal.h: what the shim's .c files share with each other and never with Swift (it is
 * not under `include/`, and its functions have hidden visibility).
 *
 * There are no static variables: per-state data lives in `ys_budget`, reached through
 * `LUA_EXTRASPACE` and the allocator's `ud`, and every registry key and the kill sentinel
 * are addresses inside that struct. Functions here that raise (`ys_raise`, the marshalling
 * and the library replacements) run only inside C functions that Lua called, or under
 * `lua_pcall`.
 */
#ifndef YARDSTICK_LUA_INTERNAL_H
#define YARDSTICK_LUA_INTERNAL_H

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "yardstick_lua.h"

_Static_assert(YS_OK == LUA_OK, "YS_OK mirrors LUA_OK");
_Static_assert(YS_IDSIZE == LUA_IDSIZE, "YS_IDSIZE mirrors LUA_IDSIZE");
_Static_assert(sizeof(long long) == sizeof(lua_Integer), "ys_setup's n is a lua_Integer");

/** Marks a function shared between the shim's .c files but not exported from the module. */
#define YS_INTERNAL __attribute__((visibility("hidden")))

/** Why a run was killed (`ys_budget.killed`); the address of that field is the kill sentinel. */
#define YS_KILL_NONE 0
#define YS_KILL_INSTRUCTIONS 1
#define YS_KILL_TIMEOUT 2

/* ---------------------------------------------------------------------------------------
 * Hot helpers, inline in every file that uses them.
 * ------------------------------------------------------------------------------------ */

/** The budget of a state (stored in `LUA_EXTRASPACE` by `ys_newstate`). */
static inline ys_budget *ys_budget_in(lua_State *L) {
    return *(ys_budget **)lua_getextraspace(L);
}

/** Appends bytes to a C buffer; returns 0 if `realloc` fails. Never touches Lua. */
static inline int ys_buf_push(ys_buf *buf, const void *bytes, size_t n) {
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

/** Monotonic clock in seconds. */
static inline double ys_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---------------------------------------------------------------------------------------
 * errors.c: raising classified errors and running protected bodies.
 * ------------------------------------------------------------------------------------ */

/**
 * Raises "where: message" and remembers it with its kind, so that the top-level error
 * capture can classify it if it reaches the host unchanged.
 */
YS_INTERNAL int ys_raise(lua_State *L, int kind, const char *fmt, ...);

/** Raises the unforgeable kill sentinel. */
YS_INTERNAL int ys_raise_kill(lua_State *L);

/** Classifies the error object at `idx` raised with `status` into the budget's err_*. */
YS_INTERNAL void ys_capture_error(lua_State *L, ys_budget *b, int status, int idx);

/** Runs `body(ud)` under lua_pcall and captures any error. Never raises. */
YS_INTERNAL int ys_protected(lua_State *L, lua_CFunction body, void *ud);

/* ---------------------------------------------------------------------------------------
 * limits.c: the allocator, the count hook and per-run budgets.
 * ------------------------------------------------------------------------------------ */

/** The allocator: denies growth beyond the cap while enforcing; never fails a shrink. */
YS_INTERNAL void *ys_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/** Resets the per-run counters and arms the hook and the memory cap. */
YS_INTERNAL void ys_begin_run(lua_State *L, ys_budget *b);

/** Disarms the hook and the memory cap so the host can marshal results. */
YS_INTERNAL void ys_end_run(lua_State *L, ys_budget *b);

/** `__host.fresh_budget()`: the next unit of work of the running call gets full budgets. */
YS_INTERNAL int ys_host_fresh_budget(lua_State *L);

/* ---------------------------------------------------------------------------------------
 * marshal.c: Lua values <-> the flat encoding of `YS_TAG_*`.
 * ------------------------------------------------------------------------------------ */

/** Cursor over an encoded buffer. */
typedef struct ys_reader {
    const char *p;
    const char *end;
    int depth;
} ys_reader;

/** Encodes stack slots `first ... first + n - 1` into `buf` (cleared first), or raises. */
YS_INTERNAL void ys_write_values(lua_State *L, ys_budget *b, ys_buf *buf, int first, int n);

/** Pushes one decoded value, or raises; named metatables come from the registered set. */
YS_INTERNAL void ys_push_value(lua_State *L, ys_budget *b, ys_reader *r);

/* ---------------------------------------------------------------------------------------
 * host.c: calls from Lua into the Swift host.
 * ------------------------------------------------------------------------------------ */

/**
 * Calls the Swift host callback with stack slots `first ... first + nargs - 1` and pushes
 * its results. A host failure is raised here, after Swift has returned.
 */
YS_INTERNAL int ys_host_call(lua_State *L, int id, int first, int nargs);

/** The C function behind every registered Swift host function (upvalue 1: its id). */
YS_INTERNAL int ys_trampoline(lua_State *L);

/** `print`: joins `tostring` of the arguments with tabs and sends the line to the host. */
YS_INTERNAL int ys_lua_print(lua_State *L);

/* ---------------------------------------------------------------------------------------
 * sandbox.c: the replaced base functions, read-only proxies, guards and environments.
 * ------------------------------------------------------------------------------------ */

/** `pcall` that re-raises the kill sentinel. */
YS_INTERNAL int ys_lua_pcall(lua_State *L);

/** `xpcall` whose handler runs after the stack has unwound; re-raises the kill sentinel. */
YS_INTERNAL int ys_lua_xpcall(lua_State *L);

/** `setmetatable` that rejects metatables with a raw `__gc` field. */
YS_INTERNAL int ys_lua_setmetatable(lua_State *L);

/** `rawset` that refuses read-only proxies and the API's read-only objects. */
YS_INTERNAL int ys_lua_rawset(lua_State *L);

/** Gives the table at `idx` a protected metatable whose `__index` is a guard over `set`. */
YS_INTERNAL void ys_set_guard(lua_State *L, int idx, int set);

/** Pushes a fresh environment sharing the module cache at `modules` (0: a new one). */
YS_INTERNAL void ys_push_env_sharing(lua_State *L, int trusted, int modules);

/** Pushes a fresh environment with a new module cache. */
YS_INTERNAL void ys_push_env(lua_State *L, int trusted);

/** Installs `value` as base global `name` (a read-only proxy for plain tables or `force`). */
YS_INTERNAL void ys_install_global(lua_State *L, int name, int value, int force);

/** `__host.install(name, value)`: see `ys_install_global`. */
YS_INTERNAL int ys_host_install(lua_State *L);

/** `__host.readonly(t)`: returns a read-only proxy of `t`. */
YS_INTERNAL int ys_host_readonly(lua_State *L);

/** `__host.register_metatable(name, mt)`: makes `mt` a named metatable for Swift. */
YS_INTERNAL int ys_host_register_metatable(lua_State *L);

/* ---------------------------------------------------------------------------------------
 * modules.c: compiling text, `require` and `load`.
 * ------------------------------------------------------------------------------------ */

/** Compiles the text at stack slot `src` named by slot `name`, or raises. */
YS_INTERNAL void ys_compile(lua_State *L, int src, int name, int kind_on_error);

/** `require`: validated name, host resolver, sandboxed load, per-chunk instance cache. */
YS_INTERNAL int ys_lua_require(lua_State *L);

/** `load`: text only, size-capped; default environment is a fresh sandbox environment. */
YS_INTERNAL int ys_lua_load(lua_State *L);

/* ---------------------------------------------------------------------------------------
 * pattern.c: the guard around Lua's backtracking pattern matcher.
 * ------------------------------------------------------------------------------------ */

/** Wraps string.find/match/gmatch/gsub (upvalue 1: the original) with size/work caps. */
YS_INTERNAL int ys_pattern_guard(lua_State *L);

#endif /* YARDSTICK_LUA_INTERNAL_H */
