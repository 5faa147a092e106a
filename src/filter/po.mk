# SPDX-License-Identifier: GPL-3.0-or-later
# The po filter: its sources (included from src/local.mk).
src_libbitext_a_SOURCES += src/filter/po.c
