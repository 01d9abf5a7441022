/*
 * dump.c: dumping a function's prototype for inspection by the host (the `ys_dump` entry).
 */
#include "internal.h"

typedef struct ys_dump_args {
    int ref;     /* registry reference of the function */
    ys_buf *out; /* receives the binary chunk */
} ys_dump_args;

static int ys_dump_writer(lua_State *L, const void *p, size_t sz, void *ud) {
    (void)L;
    return ys_buf_push((ys_buf *)ud, p, sz) ? 0 : 1;
}

static int ys_dump_body(lua_State *L) {
    ys_dump_args *a = (ys_dump_args *)lua_touserdata(L, 1);
    if (lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref) != LUA_TFUNCTION || lua_iscfunction(L, -1))
        return ys_raise(L, YS_KIND_HOSTAPI, "not a Lua function");
    a->out->len = 0;
    if (lua_dump(L, ys_dump_writer, a->out, 0) != 0)
        return ys_raise(L, YS_KIND_MEMORY, "cannot dump the function");
    return 0;
}

/**
 * Entry point: writes the binary chunk of a Lua function (with debug information) into
 * `out`, for the host to read its instructions. The chunk never goes back into a state:
 * scripts cannot load binary chunks.
 */
int ys_dump(lua_State *L, int ref, ys_buf *out) {
    ys_dump_args a = {ref, out};
    return ys_protected(L, ys_dump_body, &a);
}
