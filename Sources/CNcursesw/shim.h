#ifndef VPCPIPE_CNCURSESW_SHIM_H
#define VPCPIPE_CNCURSESW_SHIM_H
// Wide-character API (add_wch, get_wch) needs this before curses.h.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

// Globals and macros are not importable safely under Swift 6: wrap them.
// initscr() without its exit(): ERR when the terminal cannot start, as when TERM is not in any
// terminfo database the statically linked ncurses searches.
static inline int vp_start(void) {
    if (newterm(NULL, stdout, stdin) == NULL) return ERR;
    def_prog_mode();
    return OK;
}

static inline int vp_cols(void) { return COLS; }
static inline int vp_lines(void) { return LINES; }
static inline int vp_key_f(int n) { return KEY_F(n); }

static inline attr_t vp_a_bold(void) { return A_BOLD; }
static inline attr_t vp_a_reverse(void) { return A_REVERSE; }
static inline attr_t vp_a_dim(void) { return A_DIM; }
static inline attr_t vp_a_underline(void) { return A_UNDERLINE; }

// Keypad transmit mode on, so the keys send what terminfo says; the driver reads the bytes.
static inline int vp_keypad(void) { return keypad(stdscr, TRUE); }
static inline int vp_erase(void) { return erase(); }
static inline int vp_refresh(void) { return refresh(); }
static inline int vp_move(int y, int x) { return move(y, x); }

/// The terminal's string capability `name` (a key's sequence), or NULL when it has none.
static inline const char *vp_string_capability(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1 || *value == 0) ? NULL : value;
}

/// Without an alternate screen (vt100) the last frame would stay on screen after exit: clear it.
static inline void vp_clear_unless_alternate_screen(void) {
    if (isendwin()) return;
    if (vp_string_capability("smcup") == NULL) { clear(); refresh(); }
}

/// The window's size by the terminal (ncurses' own SIGWINCH handler is replaced by ours):
/// resizes ncurses' screens to it. Returns 0 when the size could not be read.
static inline int vp_resize_to_terminal(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
    resizeterm(size.ws_row, size.ws_col);
    return 1;
}

/// Draws `n` wide characters at (y, x) in the given attributes and colour pair.
static inline int vp_put(int y, int x, const wchar_t *s, int n, attr_t attrs, short pair) {
    attr_set(attrs, pair, NULL);
    return mvaddnwstr(y, x, s, n);
}

// Restoring the terminal however the process ends (exit() from anywhere included).
static void vp_endwin_at_exit(void) { if (!isendwin()) endwin(); }
static inline int vp_restore_at_exit(void) { return atexit(vp_endwin_at_exit); }

// SIGHUP and SIGTERM only set a flag: the main loop saves a draft and restores the terminal,
// since neither is safe inside a handler. No SA_RESTART, so a pending get_wch returns.
// Use these from one Swift file only: a static variable in a header has one copy per file.
// SIGWINCH sets its own flag, read (and reset) by the loop. SIGPIPE is ignored: a write to a
// dead terminal fails with an error the writer ignores, it never kills.
static volatile sig_atomic_t vp_caught_signal = 0;
static volatile sig_atomic_t vp_window_changed = 0;
static void vp_on_signal(int sig) { vp_caught_signal = sig; }
static void vp_on_window_change(int sig) { (void)sig; vp_window_changed = 1; }
static inline void vp_catch_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = vp_on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    action.sa_handler = vp_on_window_change;
    sigaction(SIGWINCH, &action, NULL);
    signal(SIGPIPE, SIG_IGN);
}
static inline int vp_caught(void) { return vp_caught_signal; }
static inline int vp_take_window_change(void) {
    int changed = vp_window_changed;
    vp_window_changed = 0;
    return changed;
}

#endif
