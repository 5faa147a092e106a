# SPDX-License-Identifier: GPL-3.0-or-later
# The json filter: its sources (included from src/local.mk).
src_libbitext_a_SOURCES += \
	src/filter/json.c \
	src/filter/json.h \
	src/filter/json-inline.c \
	src/filter/json-scan.c \
	src/filter/json-string.c \
	src/filter/json-write.c
