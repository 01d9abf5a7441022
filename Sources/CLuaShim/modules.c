/*
 * modules.c: compiling source text, the sandbox's `require` and `load`.
 */
#include "internal.h"

/** Whether `name` matches `[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*`. */
static int ys_valid_module_name(const char *name, size_t len) {
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
void ys_compile(lua_State *L, int src, int name, int kind_on_error) {
    ys_budget *b = ys_budget_in(L);
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
int ys_lua_require(lua_State *L) {
    ys_budget *b = ys_budget_in(L);
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
int ys_lua_load(lua_State *L) {
    luaL_argexpected(L, lua_type(L, 1) == LUA_TSTRING, 1, "string");
    int has_env = lua_type(L, 4) == LUA_TTABLE;
    if (lua_isnoneornil(L, 2)) {
        lua_settop(L, 4);
        lua_pushliteral(L, "=(load)");
        lua_replace(L, 2);
    }
    luaL_checktype(L, 2, LUA_TSTRING);
    ys_budget *b = ys_budget_in(L);
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
