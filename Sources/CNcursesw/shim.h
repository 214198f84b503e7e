#ifndef VPCPIPE_CNCURSESW_SHIM_H
#define VPCPIPE_CNCURSESW_SHIM_H
// Wide-character API (add_wch, get_wch) needs this before curses.h.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <curses.h>

// Globals and macros are not importable safely under Swift 6: wrap them.
static inline WINDOW *vp_stdscr(void) { return stdscr; }
static inline int vp_cols(void) { return COLS; }
static inline int vp_lines(void) { return LINES; }
static inline int vp_color_pair(int n) { return COLOR_PAIR(n); }
static inline int vp_key_f(int n) { return KEY_F(n); }
static inline int vp_addstr(int y, int x, const char *s) { return mvaddstr(y, x, s); }

#endif
