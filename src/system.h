/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * system.h: the first include of every .c file in bitext.
 *
 * It pulls in config.h, the C library headers every file uses, and the
 * gettext macros _() and N_() through which every message a user can see
 * must pass.
 */
#ifndef BT_SYSTEM_H
#define BT_SYSTEM_H

#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#if ENABLE_NLS
# include <libintl.h>
# define _(msgid) gettext(msgid)
#else
# define _(msgid) ((char *) (msgid))
# define ngettext(s, p, n) ((n) == 1 ? (char *) (s) : (char *) (p))
#endif
#define N_(msgid) msgid

#define BT_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
# define BT_PRINTF(f, a) __attribute__((format(printf, f, a)))
# define BT_NORETURN __attribute__((noreturn))
#else
# define BT_PRINTF(f, a)
# define BT_NORETURN
#endif

#endif /* BT_SYSTEM_H */
