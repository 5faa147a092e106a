# SPDX-License-Identifier: GPL-3.0-or-later
# The html filter: its sources (included from src/local.mk).
src_libbitext_a_SOURCES += \
	src/filter/html.c \
	src/filter/html-entities.c \
	src/filter/html-internal.h \
	src/filter/html-lex.c \
	src/filter/html-tags.c \
	src/filter/html-write.c
