# SPDX-License-Identifier: GPL-3.0-or-later
# tests/: unit tests (C, linked with the library), CLI tests (shell),
# SRX golden cases, interop checks.  Tests write only into the build dir.

TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	BITEXT='$(abs_top_builddir)/src/bitext$(EXEEXT)'; \
	BITEXT_DATADIR='$(abs_top_srcdir)/data'; \
	BITEXT_LOCALEDIR='$(abs_top_builddir)/tests/locale'; \
	BITEXT_SHARED='$(abs_top_srcdir)/../shared'; \
	top_srcdir='$(abs_top_srcdir)'; \
	top_builddir='$(abs_top_builddir)'; \
	XMLLINT='$(XMLLINT)'; \
	export BITEXT BITEXT_DATADIR BITEXT_LOCALEDIR BITEXT_SHARED top_srcdir top_builddir XMLLINT;

# --- unit tests -------------------------------------------------------
UNIT_TESTS = \
	tests/unit/test-content \
	tests/unit/test-input \
	tests/unit/test-java-regex \
	tests/unit/test-srx \
	tests/unit/test-text \
	tests/unit/test-xml-emit
check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS)
UNIT_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit
UNIT_LDADD = $(BITEXT_LIBS)
tests_unit_test_content_SOURCES = tests/unit/test-content.c tests/unit/tap.h
tests_unit_test_content_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_content_LDADD = $(UNIT_LDADD)
tests_unit_test_input_SOURCES = tests/unit/test-input.c tests/unit/tap.h
tests_unit_test_input_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_input_LDADD = $(UNIT_LDADD)
tests_unit_test_java_regex_SOURCES = tests/unit/test-java-regex.c tests/unit/tap.h
tests_unit_test_java_regex_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_java_regex_LDADD = $(UNIT_LDADD)
tests_unit_test_srx_SOURCES = tests/unit/test-srx.c tests/unit/tap.h
tests_unit_test_srx_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_srx_LDADD = $(UNIT_LDADD)
tests_unit_test_text_SOURCES = tests/unit/test-text.c tests/unit/tap.h
tests_unit_test_text_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_text_LDADD = $(UNIT_LDADD)
tests_unit_test_xml_emit_SOURCES = tests/unit/test-xml-emit.c tests/unit/tap.h
tests_unit_test_xml_emit_CPPFLAGS = $(UNIT_CPPFLAGS) $(LIBXML_CFLAGS)
tests_unit_test_xml_emit_LDADD = $(UNIT_LDADD)

# --- command-line tests -------------------------------------------------
CLI_TESTS = \
	tests/cli/t0001-help.sh \
	tests/cli/t0002-version.sh \
	tests/cli/t0003-usage-errors.sh \
	tests/cli/t0004-messages-zh-CN.sh \
	tests/cli/t0009-source-lint.sh \
	tests/cli/t1001-segment-golden.sh \
	tests/cli/t1002-segment-seed.sh \
	tests/cli/t1003-segment-formats.sh \
	tests/cli/t1004-segment-encodings.sh \
	tests/cli/t1005-segment-bad-input.sh \
	tests/cli/t1006-segment-srx-rules.sh \
	tests/cli/t1007-segment-third-party-srx.sh \
	tests/cli/t2001-extract-merge-roundtrip.sh \
	tests/cli/t2002-merge-seed-english.sh \
	tests/cli/t2003-xliff-schema-valid.sh \
	tests/cli/t2004-merge-options.sh \
	tests/cli/t2005-merge-bad-input.sh \
	tests/cli/t2006-xml-attacks.sh \
	tests/cli/t2007-merge-cat-tool-output.sh \
	tests/cli/t2008-merge-encoding.sh \
	tests/cli/t3001-convert.sh \
	tests/cli/t9001-interop-omegat.sh \
	tests/cli/t9002-interop-translate-toolkit.sh
TESTS += $(CLI_TESTS)

# Each document filter's tests (they add to CLI_TESTS).
include tests/formats/html.mk
include tests/formats/json.mk
include tests/formats/markdown.mk
include tests/formats/po.mk
include tests/formats/xml.mk
EXTRA_DIST += $(CLI_TESTS) tests/cli/lib.sh tests/srx tests/golden tests/data

# zh_CN messages for t0004, compiled from po/ into the build tree so the
# test needs no installed catalogue.
check_DATA = tests/locale/zh_CN/LC_MESSAGES/bitext.mo
tests/locale/zh_CN/LC_MESSAGES/bitext.mo: $(top_srcdir)/po/zh_CN.po
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(MSGFMT) -c -o $@ $(top_srcdir)/po/zh_CN.po
CLEANFILES += tests/locale/zh_CN/LC_MESSAGES/bitext.mo
clean-local-tests:
	-rm -rf tests/work tests/locale

# --- the test helper -----------------------------------------------------
check_PROGRAMS += tests/helper/bt-test-tool
tests_helper_bt_test_tool_SOURCES = tests/helper/bt-test-tool.c
tests_helper_bt_test_tool_CFLAGS = $(AM_CFLAGS) $(LIBXML_CFLAGS)
tests_helper_bt_test_tool_LDADD = $(BITEXT_LIBS)
AM_TESTS_ENVIRONMENT += BT_TEST_TOOL='$(abs_top_builddir)/tests/helper/bt-test-tool$(EXEEXT)'; export BT_TEST_TOOL;
