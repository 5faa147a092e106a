# SPDX-License-Identifier: GPL-3.0-or-later
# The markdown filter: its sources (included from src/local.mk).
src_libbitext_a_SOURCES += src/filter/markdown.c src/filter/markdown.h \
	src/filter/markdown-inline.c src/filter/markdown-front.c
