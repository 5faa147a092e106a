# SPDX-License-Identifier: GPL-3.0-or-later
# The xml filter: its sources (included from src/local.mk).
src_libbitext_a_SOURCES += \
	src/filter/its.c src/filter/its.h \
	src/filter/xml.c src/filter/xml-lex.c src/filter/xml-lex.h \
	src/filter/xml-skel.h src/filter/xml-write.c
