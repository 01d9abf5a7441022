/*
 * sandbox.c: the base functions the sandbox replaces, read-only proxies, the guard for
 * removed names, fresh environments and the trusted `__host` functions.
 */
#include "internal.h"

/** `pcall` that re-raises the kill sentinel. */
int ys_lua_pcall(lua_State *L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
    if (status != LUA_OK) {
        if (ys_budget_in(L)->killed) return ys_raise_kill(L);
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
int ys_lua_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2); /* f, h, true, f, args... */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 0);
    if (status == LUA_OK) return lua_gettop(L) - 2;
    ys_budget *b = ys_budget_in(L);
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
int ys_lua_setmetatable(lua_State *L) {
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
int ys_lua_rawset(lua_State *L) {
    ys_budget *b = ys_budget_in(L);
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

static int ys_readonly_newindex(lua_State *L) {
    return ys_raise(L, YS_KIND_SANDBOX, "attempt to modify read-only table '%s'",
                    lua_tostring(L, lua_upvalueindex(1)));
}

static int ys_readonly_next(lua_State *L) {
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 2);
    if (lua_next(L, 3)) return 2;
    lua_pushnil(L);
    return 1;
}

static int ys_readonly_pairs(lua_State *L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushcclosure(L, ys_readonly_next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int ys_readonly_len(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, lua_upvalueindex(1)));
    return 1;
}

/** Pushes a read-only proxy of the table at `idx`, named `name` in error messages. */
static void ys_push_readonly(lua_State *L, int idx, const char *name) {
    ys_budget *b = ys_budget_in(L);
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
static int ys_guard_index(lua_State *L) {
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
void ys_set_guard(lua_State *L, int idx, int set) {
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

/**
 * Pushes a fresh environment: `_G` is itself, misses go to the sandbox base. An untrusted
 * environment gets its own `require`, whose module cache is the table at `modules` (0: a new
 * one): the chunk and the modules it requires share their instances, and no other chunk
 * sees them.
 */
void ys_push_env_sharing(lua_State *L, int trusted, int modules) {
    ys_budget *b = ys_budget_in(L);
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
void ys_push_env(lua_State *L, int trusted) { ys_push_env_sharing(L, trusted, 0); }

/* ---------------------------------------------------------------------------------------
 * Privileged functions in the trusted `__host` table.
 * ------------------------------------------------------------------------------------ */

/**
 * Installs `value` as base global `name`. A table becomes a read-only proxy when `force`
 * is set or when it has no metatable (tables with metatables are value types that
 * protect themselves with `__metatable`).
 */
void ys_install_global(lua_State *L, int name, int value, int force) {
    ys_budget *b = ys_budget_in(L);
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
int ys_host_install(lua_State *L) {
    luaL_checktype(L, 1, LUA_TSTRING);
    luaL_checkany(L, 2);
    ys_install_global(L, 1, 2, 0);
    return 0;
}

/** `__host.readonly(t)`: returns a read-only proxy of `t`. */
int ys_host_readonly(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    ys_push_readonly(L, 1, luaL_optstring(L, 2, "?"));
    return 1;
}

/**
 * `__host.register_metatable(name, mt)`: makes `mt` available to Swift as a named
 * metatable (push and recognise). Rejects a raw `__gc`; adds `__metatable = false`
 * when absent so that untrusted code cannot reach or change it.
 */
int ys_host_register_metatable(lua_State *L) {
    ys_budget *b = ys_budget_in(L);
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
