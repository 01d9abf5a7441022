/*
 * pattern.c: the pattern guard. Lua's matcher backtracks inside one C call that no hook
 * can interrupt, so subjects, patterns and the estimated work are capped before it runs.
 */
#include <math.h>
#include "internal.h"

/** Upper bound on the estimated matcher work (subject length ^ (wide quantifiers + 1)). */
#define YS_PATTERN_MAX_WORK 1e8

/**
 * Counts quantified "wide" items (`.` or a negated set `[^...]` followed by `*`, `-` or
 * `+`), the items that make backtracking polynomial in the subject length.
 */
static int ys_pattern_wide_items(const char *p, size_t len, int *anchored) {
    size_t i = 0;
    int wide_items = 0;
    *anchored = len > 0 && p[0] == '^';
    if (*anchored) i = 1;
    while (i < len) {
        int wide = 0;
        char c = p[i];
        if (c == '%') {
            char k = i + 1 < len ? p[i + 1] : 0;
            i += 2;
            if (k == 'b') i += 2;
            else if (k == 'f' && i < len && p[i] == '[') {
                i++;
                if (i < len && p[i] == '^') i++;
                if (i < len && p[i] == ']') i++;
                while (i < len && p[i] != ']') i += (p[i] == '%') ? 2 : 1;
                i++;
            }
            continue; /* %b and %f take no quantifier; classes like %a are narrow */
        } else if (c == '[') {
            i++;
            if (i < len && p[i] == '^') {
                wide = 1;
                i++;
            }
            if (i < len && p[i] == ']') i++;
            while (i < len && p[i] != ']') i += (p[i] == '%') ? 2 : 1;
            i++;
        } else {
            wide = c == '.';
            i++;
        }
        if (i < len && (p[i] == '*' || p[i] == '-' || p[i] == '+')) {
            wide_items += wide;
            i++;
        } else if (i < len && p[i] == '?') {
            i++;
        }
    }
    return wide_items;
}

/** Wraps string.find/match/gmatch/gsub (upvalue 1: the original) with size/work caps. */
int ys_pattern_guard(lua_State *L) {
    ys_budget *b = ys_budget_in(L);
    size_t slen = 0, plen = 0;
    luaL_checklstring(L, 1, &slen);
    const char *p = luaL_checklstring(L, 2, &plen);
    if (slen > b->max_pattern_subject)
        return ys_raise(L, YS_KIND_LIMIT, "pattern subject is %I bytes, more than %I",
                        (lua_Integer)slen, (lua_Integer)b->max_pattern_subject);
    if (plen > b->max_pattern)
        return ys_raise(L, YS_KIND_LIMIT, "pattern is %I bytes, more than %I",
                        (lua_Integer)plen, (lua_Integer)b->max_pattern);
    int plain = lua_toboolean(L, 4) && lua_toboolean(L, lua_upvalueindex(2));
    if (!plain) {
        int anchored = 0;
        int wide = ys_pattern_wide_items(p, plen, &anchored);
        if (wide >= 2 && pow((double)slen, wide + (anchored ? 0 : 1)) > YS_PATTERN_MAX_WORK)
            return ys_raise(L, YS_KIND_LIMIT,
                            "pattern too complex for a %I-byte subject (%d wide repetitions)",
                            (lua_Integer)slen, wide);
    }
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}
