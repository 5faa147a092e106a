# SPDX-License-Identifier: GPL-3.0-or-later
# The po filter: its sources (included from src/local.mk).
src_libbitext_a_SOURCES += \
	src/filter/po.c \
	src/filter/po-internal.h \
	src/filter/po-lex.c \
	src/filter/po-syntax.c \
	src/filter/po-wrap.c \
	src/filter/po-write.c
