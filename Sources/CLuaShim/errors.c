/*
 * errors.c: raising classified errors, capturing them for the host, and running bodies
 * under protection.
 */
#include <stdarg.h>
#include <stdio.h>
#include "internal.h"

/** The most bytes of an error message kept when it crosses from Lua to the host. */
#define YS_MAX_ERROR_BYTES 4096

/** What replaces the rest of a message longer than `YS_MAX_ERROR_BYTES`. */
#define YS_CUT_NOTE " \xE2\x80\xA6 (message cut at 4 KiB)"

/**
 * Replaces `buf` with `msg`, keeping at most `YS_MAX_ERROR_BYTES` bytes (cut at a UTF-8
 * character boundary) followed by `YS_CUT_NOTE` when it is longer: a huge error value is
 * never copied whole. Never touches Lua.
 */
static void ys_set_message(ys_buf *buf, const char *msg, size_t len) {
    buf->len = 0;
    if (len <= YS_MAX_ERROR_BYTES) {
        ys_buf_push(buf, msg, len);
        return;
    }
    size_t cut = YS_MAX_ERROR_BYTES;
    while (cut > 0 && ((unsigned char)msg[cut] & 0xC0) == 0x80) cut--;
    ys_buf_push(buf, msg, cut);
    ys_buf_push(buf, YS_CUT_NOTE, sizeof YS_CUT_NOTE - 1);
}

/**
 * Raises "where: message" and remembers it with its kind, so that the top-level error
 * capture can classify it if it reaches the host unchanged.
 */
int ys_raise(lua_State *L, int kind, const char *fmt, ...) {
    ys_budget *b = ys_budget_in(L);
    va_list ap;
    luaL_checkstack(L, 4, NULL);
    luaL_where(L, 1);
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    lua_concat(L, 2);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &b->key_lasterr);
    b->lasterr_kind = kind;
    return lua_error(L);
}

/** Raises the unforgeable kill sentinel. */
int ys_raise_kill(lua_State *L) {
    lua_pushlightuserdata(L, &ys_budget_in(L)->killed);
    return lua_error(L);
}

/* ---------------------------------------------------------------------------------------
 * Error capture (safe outside protection: only `-` APIs and C buffers).
 * ------------------------------------------------------------------------------------ */

/** Classifies the error object at `idx` raised with `status` into the budget's err_*. */
void ys_capture_error(lua_State *L, ys_budget *b, int status, int idx) {
    idx = lua_absindex(L, idx);
    b->err_msg.len = 0;
    b->err_line = -1;
    int t = lua_type(L, idx);
    if (t == LUA_TSTRING) {
        size_t len = 0;
        const char *msg = lua_tolstring(L, idx, &len);
        ys_set_message(&b->err_msg, msg, len);
    } else if (t == LUA_TNUMBER) {
        char text[64];
        if (lua_isinteger(L, idx))
            snprintf(text, sizeof text, "%lld", (long long)lua_tointeger(L, idx));
        else
            snprintf(text, sizeof text, "%.14g", (double)lua_tonumber(L, idx));
        ys_buf_push(&b->err_msg, text, strlen(text));
    } else if (!(t == LUA_TLIGHTUSERDATA && lua_touserdata(L, idx) == &b->killed)) {
        const char *text = "(error object is not a string)";
        ys_buf_push(&b->err_msg, text, strlen(text));
    }
    if (b->killed) {
        b->err_kind = b->killed == YS_KILL_TIMEOUT ? YS_KIND_TIMEOUT : YS_KIND_INSTRUCTIONS;
        b->err_line = b->kill_line;
        b->err_msg.len = 0;
        ys_buf_push(&b->err_msg, b->kill_src, strlen(b->kill_src));
        return;
    }
    if (status == LUA_ERRMEM) {
        b->err_kind = YS_KIND_MEMORY;
        b->err_line = b->mem_line;
        b->err_msg.len = 0;
        ys_buf_push(&b->err_msg, b->mem_src, strlen(b->mem_src));
        return;
    }
    if (status == LUA_ERRSYNTAX) {
        b->err_kind = YS_KIND_SYNTAX;
        return;
    }
    b->err_kind = YS_KIND_RUNTIME;
    if (t == LUA_TSTRING && lua_checkstack(L, 1)) {
        lua_rawgetp(L, LUA_REGISTRYINDEX, &b->key_lasterr);
        if (lua_rawequal(L, -1, idx)) b->err_kind = b->lasterr_kind;
        lua_settop(L, lua_gettop(L) - 1);
        if (b->err_kind == YS_KIND_RUNTIME && b->denied && b->err_msg.len == 17 &&
            memcmp(b->err_msg.data, "not enough memory", 17) == 0) {
            b->err_kind = YS_KIND_MEMORY;
            b->err_line = b->mem_line;
            b->err_msg.len = 0;
            ys_buf_push(&b->err_msg, b->mem_src, strlen(b->mem_src));
        }
    }
}

/** Entry point: runs `body(ud)` under lua_pcall and captures any error. Never raises. */
int ys_protected(lua_State *L, lua_CFunction body, void *ud) {
    ys_budget *b = ys_budget_in(L);
    int top = lua_gettop(L);
    b->killed = YS_KILL_NONE;
    if (!lua_checkstack(L, 4)) {
        b->err_kind = YS_KIND_MEMORY;
        b->err_msg.len = 0;
        return LUA_ERRMEM;
    }
    lua_pushcfunction(L, body);
    lua_pushlightuserdata(L, ud);
    int status = lua_pcall(L, 1, 0, 0);
    if (status != LUA_OK) ys_capture_error(L, b, status, -1);
    lua_settop(L, top);
    return status;
}
