# SPDX-License-Identifier: GPL-3.0-or-later
# src/: the library every command uses, and the bitext program.

noinst_LIBRARIES += src/libbitext.a
src_libbitext_a_CFLAGS = $(AM_CFLAGS) $(LIBXML_CFLAGS) $(PCRE2_CFLAGS) \
	$(NETTLE_CFLAGS) $(JANSSON_CFLAGS) $(MD4C_CFLAGS)
src_libbitext_a_SOURCES = \
	src/system.h \
	src/core/buf.c src/core/buf.h \
	src/core/error.c src/core/error.h \
	src/core/input.c src/core/input.h \
	src/core/output.c src/core/output.h \
	src/core/po-parse.c src/core/po-parse.h \
	src/core/strmap.c src/core/strmap.h \
	src/core/xml-safe.c src/core/xml-safe.h \
	src/core/xalloc.c src/core/xalloc.h \
	src/doc/content.c src/doc/content.h \
	src/doc/document.c src/doc/document.h \
	src/filter/filter.c src/filter/filter.h \
	src/filter/encodable.c src/filter/encodable.h \
	src/filter/encoding-decl.c src/filter/encoding-decl.h \
	src/filter/text.c \
	src/format/skeleton.c src/format/skeleton.h \
	src/format/tmx.h src/format/tmx-read.c src/format/tmx-write.c \
	src/format/xliff.h src/format/xliff-read.c src/format/xliff-write.c \
	src/format/xml-writer.c src/format/xml-writer.h \
	src/segment/java-regex.c src/segment/java-regex.h \
	src/segment/segmenter.c \
	src/segment/srx.c src/segment/srx.h src/segment/srx-internal.h

# One fragment per document filter, each listing the filter's sources.
include src/filter/html.mk
include src/filter/json.mk
include src/filter/markdown.mk
include src/filter/po.mk
include src/filter/xml.mk

# Everything that links the library links these.
BITEXT_LIBS = src/libbitext.a $(LIBXML_LIBS) $(PCRE2_LIBS) $(NETTLE_LIBS) \
	$(JANSSON_LIBS) $(MD4C_LIBS) $(GETTEXTPO_LIBS) $(UNISTRING_LIBS) \
	$(LTLIBINTL) $(LTLIBICONV)

bin_PROGRAMS += src/bitext
src_bitext_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) $(LIBXML_CFLAGS)
src_bitext_SOURCES = \
	src/bitext.c \
	src/cli.c src/cli.h \
	src/commands.h \
	src/cmd-convert.c \
	src/cmd-extract.c \
	src/cmd-merge.c \
	src/cmd-segment.c
src_bitext_LDADD = $(BITEXT_LIBS)
