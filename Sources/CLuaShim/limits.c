/*
 * limits.c: the memory cap (allocator), the instruction and time budgets (count hook) and
 * their per-run and per-unit resets.
 */
#include "internal.h"

/**
 * Finds the innermost frame of a script (a chunk named `@file`: the trusted prelude is named
 * `=…` and C functions have no file) within the top 64 levels and copies its short source
 * and current line into `src` and `line`. Only reads the call stack (`lua_getinfo` with
 * "Sl" allocates nothing), so it is safe in the count hook and in the allocator. Returns 0,
 * leaving `src` and `line` alone, when no script frame is found.
 */
static int ys_script_location(lua_State *L, char *src, int *line) {
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

/* ---------------------------------------------------------------------------------------
 * Allocator: deny growth beyond the cap while enforcing; never fail a shrink.
 * ------------------------------------------------------------------------------------ */

void *ys_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
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

/* ---------------------------------------------------------------------------------------
 * Count hook: instruction budget plus monotonic deadline, sticky kill.
 * ------------------------------------------------------------------------------------ */

static void ys_hook(lua_State *L, lua_Debug *ar) {
    ys_budget *b = ys_budget_in(L);
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
void ys_begin_run(lua_State *L, ys_budget *b) {
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
void ys_end_run(lua_State *L, ys_budget *b) {
    lua_sethook(L, NULL, 0, 0);
    b->enforce = 0;
    b->headroom = 0;
}

/**
 * `__host.fresh_budget()`: gives the next unit of work of the running call the full
 * instruction, time and `print` budgets again. Trusted code that runs several indicators in
 * one call (one per subject) calls it before each, so limits stay per indicator. A run that
 * was already stopped stays stopped.
 */
int ys_host_fresh_budget(lua_State *L) {
    ys_budget *b = ys_budget_in(L);
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
