# SPDX-License-Identifier: GPL-3.0-or-later
# src/align/local.mk: sentence alignment; bitext align.

src_libbitext_a_SOURCES += \
	src/align/align.h src/align/align-internal.h \
	src/align/align.c \
	src/align/anchors.c \
	src/align/dict.c \
	src/align/dp.c \
	src/align/length.c \
	src/align/model1.c \
	src/align/sentences.c \
	src/align/vectors.c \
	src/align/vocab.c \
	src/align/words.c \
	src/align/write.c \
	src/align/write-beads.c \
	src/align/write-html.c \
	src/align/write-tmx.c \
	src/align/write-tsv.c \
	src/align/write-xliff.c

src_bitext_SOURCES += src/cmd-align.c

# The aligner's models use libm (log, exp, erfc, sqrt).
BITEXT_LIBS += -lm

# --- tests ---------------------------------------------------------------
ALIGN_TESTS = \
	tests/cli/t5001-align-textberg.sh \
	tests/cli/t5002-align-udhr.sh \
	tests/cli/t5003-align-seed.sh \
	tests/cli/t5004-align-formats.sh \
	tests/cli/t5005-align-bad-input.sh
TESTS += $(ALIGN_TESTS)
EXTRA_DIST += $(ALIGN_TESTS) tests/cli/align-score.awk
EXTRA_DIST += bench/bench-align.sh

check_PROGRAMS += tests/unit/test-align
TESTS += tests/unit/test-align
tests_unit_test_align_SOURCES = tests/unit/test-align.c tests/unit/tap.h
tests_unit_test_align_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_align_LDADD = $(UNIT_LDADD)
