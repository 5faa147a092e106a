# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the html filter (included from tests/local.mk).  Their data,
# sample pages and helpers are in tests/data/formats/html/.
CLI_TESTS += \
	tests/cli/t6001-html-roundtrip-udhr.sh \
	tests/cli/t6002-html-roundtrip-samples.sh \
	tests/cli/t6003-html-segment-golden.sh \
	tests/cli/t6004-html-units.sh \
	tests/cli/t6005-html-inline-cycle.sh \
	tests/cli/t6006-html-escaping.sh \
	tests/cli/t6007-html-encoding.sh \
	tests/cli/t6008-html-lang.sh \
	tests/cli/t6009-html-malformed.sh \
	tests/cli/t6010-html-bad-input.sh \
	tests/cli/t6011-html-xhtml.sh \
	tests/cli/t6012-html-untranslated.sh \
	tests/cli/t6013-html-attributes.sh \
	tests/cli/t6014-html-detect.sh \
	tests/cli/t6015-html-tokenizer.sh \
	tests/cli/t6016-html-large.sh \
	tests/cli/t6017-html-text-coverage.sh \
	tests/cli/t6018-html-stdin.sh \
	tests/cli/t6019-html-fuzz.sh \
	tests/cli/t9003-interop-omegat-html.sh
# t6016 and t6017 also run bench/make-html.sh, shipped by bench/local.mk.
