/*
 * host.c: calls from Lua into the Swift host: the trampoline and `print`.
 */
#include "internal.h"

/**
 * Calls the Swift host callback with stack slots `first ... first + nargs - 1` and pushes
 * its results. A host failure is raised here, after Swift has returned.
 */
int ys_host_call(lua_State *L, int id, int first, int nargs) {
    ys_budget *b = ys_budget_in(L);
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
int ys_trampoline(lua_State *L) {
    int id = (int)lua_tointeger(L, lua_upvalueindex(1));
    return ys_host_call(L, id, 1, lua_gettop(L));
}

/** `print`: joins `tostring` of the arguments with tabs and sends the line to the host. */
int ys_lua_print(lua_State *L) {
    ys_budget *b = ys_budget_in(L);
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
