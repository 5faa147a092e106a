# SPDX-License-Identifier: GPL-3.0-or-later
# src/count/local.mk: word counting, coverage counters and reports; bitext coverage.
# Included by the top Makefile.am after src/local.mk.

src_libbitext_a_SOURCES += \
	src/count/coverage.c src/count/coverage.h \
	src/count/inputs.c \
	src/count/read-po.c \
	src/count/read-tmx.c \
	src/count/read-xliff.c \
	src/count/read-xml.c \
	src/count/readers.h \
	src/count/words.c src/count/words.h \
	src/report/csv.c \
	src/report/html.c \
	src/report/json.c \
	src/report/markdown.c \
	src/report/report.c src/report/report.h \
	src/report/table.c
src_bitext_SOURCES += src/cmd-coverage.c


# Tests: the word-counting rules in C, the command in shell (fixtures
# under tests/data/coverage/, shipped with tests/data).
COVERAGE_UNIT_TESTS = tests/unit/test-words
check_PROGRAMS += $(COVERAGE_UNIT_TESTS)
tests_unit_test_words_SOURCES = tests/unit/test-words.c tests/unit/tap.h
tests_unit_test_words_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_words_LDADD = $(BITEXT_LIBS)

COVERAGE_TESTS = \
	tests/cli/t4001-coverage-states.sh \
	tests/cli/t4002-coverage-pocount.sh \
	tests/cli/t4003-coverage-cjk.sh \
	tests/cli/t4004-coverage-seed.sh \
	tests/cli/t4005-coverage-fail-under.sh \
	tests/cli/t4006-coverage-formats.sh \
	tests/cli/t4007-coverage-html-chromium.sh \
	tests/cli/t4008-coverage-alignment.sh \
	tests/cli/t4009-coverage-bad-input.sh
TESTS += $(COVERAGE_UNIT_TESTS) $(COVERAGE_TESTS)
EXTRA_DIST += $(COVERAGE_TESTS) tests/cli/coverage-lib.sh man/bitext-coverage.x \
	bench/bench-coverage.sh
