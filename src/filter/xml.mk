# SPDX-License-Identifier: GPL-3.0-or-later
# The xml filter: its sources (included from src/local.mk).
src_libbitext_a_SOURCES += src/filter/xml.c
