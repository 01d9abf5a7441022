/*
 * setup.c: building a sandbox, one `YS_OP_*` operation at a time (the `ys_setup` entry).
 */
#include "internal.h"

typedef struct ys_setup_args {
    int op;
    const char *a;
    const char *b;
    lua_Integer n;
} ys_setup_args;

static lua_CFunction ys_replacement(const char *name) {
    if (strcmp(name, "pcall") == 0) return ys_lua_pcall;
    if (strcmp(name, "xpcall") == 0) return ys_lua_xpcall;
    if (strcmp(name, "setmetatable") == 0) return ys_lua_setmetatable;
    if (strcmp(name, "rawset") == 0) return ys_lua_rawset;
    if (strcmp(name, "print") == 0) return ys_lua_print;
    if (strcmp(name, "require") == 0) return ys_lua_require;
    if (strcmp(name, "load") == 0) return ys_lua_load;
    return NULL;
}

static void ys_new_registry_table(lua_State *L, void *key, const char *mode) {
    lua_newtable(L);
    if (mode) {
        lua_createtable(L, 0, 1);
        lua_pushstring(L, mode);
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
    }
    lua_rawsetp(L, LUA_REGISTRYINDEX, key);
}

static void ys_open(lua_State *L, ys_budget *b) {
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

static int ys_setup_body(lua_State *L) {
    ys_setup_args *s = (ys_setup_args *)lua_touserdata(L, 1);
    ys_budget *b = ys_budget_in(L);
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

/** Entry point: runs one `YS_OP_*` setup operation (memory cap not enforced). */
int ys_setup(lua_State *L, int op, const char *a, const char *b, long long n) {
    ys_setup_args s = {op, a, b, (lua_Integer)n};
    return ys_protected(L, ys_setup_body, &s);
}
