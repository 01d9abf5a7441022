/*
 * marshal.c: Lua values -> flat buffer (raw reads, bounded, cycle-checked) and back, in
 * the `YS_TAG_*` encoding shared with Swift. Both directions run only inside C functions
 * that Lua called or under lua_pcall.
 */
#include <math.h>
#include "internal.h"

/** State of one Lua-to-buffer conversion. */
typedef struct ys_writer {
    ys_buf *buf;
    int visiting; /* stack index of a table of tables being written (cycle detection) */
    int depth;
    long long elements;
    size_t bytes;
} ys_writer;

static void ys_put(lua_State *L, ys_writer *w, const void *bytes, size_t n) {
    if (!ys_buf_push(w->buf, bytes, n)) ys_raise(L, YS_KIND_MEMORY, "not enough memory");
}

static void ys_put_tag(lua_State *L, ys_writer *w, unsigned char tag) {
    ys_put(L, w, &tag, 1);
}

static void ys_write_value(lua_State *L, ys_budget *b, ys_writer *w, int idx);

static void ys_write_table(lua_State *L, ys_budget *b, ys_writer *w, int idx) {
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
static void ys_write_value(lua_State *L, ys_budget *b, ys_writer *w, int idx) {
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
void ys_write_values(lua_State *L, ys_budget *b, ys_buf *buf, int first, int n) {
    first = lua_absindex(L, first);
    luaL_checkstack(L, 2, NULL);
    lua_newtable(L);
    ys_writer w = {buf, lua_gettop(L), 0, 0, 0};
    buf->len = 0;
    for (int i = 0; i < n; i++) ys_write_value(L, b, &w, first + i);
    lua_pop(L, 1);
}

static const char *ys_take(lua_State *L, ys_reader *r, size_t n) {
    if ((size_t)(r->end - r->p) < n) ys_raise(L, YS_KIND_HOSTAPI, "truncated value buffer");
    const char *at = r->p;
    r->p += n;
    return at;
}

/** Pushes one decoded value; named metatables come from the registered set. */
void ys_push_value(lua_State *L, ys_budget *b, ys_reader *r) {
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
