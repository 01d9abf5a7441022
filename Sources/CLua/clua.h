/*
 * clua.h: Debian's Lua 5.4 C API (liblua5.4-dev), as the `CLua` system library.
 *
 * Only the Lua headers, nothing of Yardstick: the shim that a safe Swift host needs is the
 * `CLuaShim` C target (Sources/CLuaShim), and Swift imports that, not this module.
 */
#ifndef YARDSTICK_CLUA_H
#define YARDSTICK_CLUA_H

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#endif /* YARDSTICK_CLUA_H */
