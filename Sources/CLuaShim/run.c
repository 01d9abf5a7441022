/*
 * run.c: loading chunks and calling functions under the limits (the `ys_load` and
 * `ys_call` entries), with the top-level message handler.
 */
#include "internal.h"

/**
 * Top-level message handler. Keeps the kill sentinel as is, replaces non-string error
 * objects with a fixed text (never calling `__tostring`, as hooks may be off here) and
 * stores a traceback in the budget. Allows a little memory beyond the cap.
 */
static int ys_msgh(lua_State *L) {
    ys_budget *b = ys_budget_in(L);
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
    if (tb) ys_buf_push(&b->err_tb, tb, len);
    lua_settop(L, 1);
    return 1;
}

static int ys_load_body(lua_State *L) {
    ys_load_args *a = (ys_load_args *)lua_touserdata(L, 1);
    ys_budget *b = ys_budget_in(L);
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

/** Entry point: compiles text (mode "t") into a fresh environment; see `ys_load_args`. */
int ys_load(lua_State *L, ys_load_args *a) {
    int status = ys_protected(L, ys_load_body, a);
    ys_budget_in(L)->enforce = 0;
    return status;
}

static int ys_call_body(lua_State *L) {
    ys_call_args *a = (ys_call_args *)lua_touserdata(L, 1);
    ys_budget *b = ys_budget_in(L);
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
 * Entry point: calls a function under the limits and encodes its results. Returns the
 * marshalling status; `a->status` is the status of the script itself.
 */
int ys_call(lua_State *L, ys_call_args *a) {
    ys_budget *b = ys_budget_in(L);
    a->status = LUA_OK;
    a->nresults = 0;
    b->enforce = 0;
    int status = ys_protected(L, ys_call_body, a);
    ys_end_run(L, b);
    return status;
}
