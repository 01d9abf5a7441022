/*
 * state.c: creating and closing a state with its budget; the buffer entry point.
 */
#include <stdio.h>
#include "internal.h"

/** Panic handler: an unprotected error is a shim bug, so report and abort. */
static int ys_panic(lua_State *L) {
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
    fprintf(stderr, "LuaRuntime: unprotected Lua error: %s\n", msg);
    abort();
    return 0;
}

/** Entry point: creates a state with a fresh budget (memory cap `cap`), or NULL. */
lua_State *ys_newstate(size_t cap) {
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

/** Entry point: closes the state and frees its budget and buffers. */
void ys_close(lua_State *L) {
    ys_budget *b = ys_budget_in(L);
    lua_close(L);
    free(b->args.data);
    free(b->out.data);
    free(b->err_msg.data);
    free(b->err_tb.data);
    free(b);
}

/** Entry point: the budget of a state created by `ys_newstate`. */
ys_budget *ys_budget_of(lua_State *L) { return ys_budget_in(L); }

/** Entry point: appends bytes to a C buffer; returns 0 if `realloc` fails. */
int ys_buf_append(ys_buf *buf, const void *bytes, size_t n) { return ys_buf_push(buf, bytes, n); }
