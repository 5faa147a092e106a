# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the markdown filter (included from tests/local.mk).
CLI_TESTS += \
	tests/cli/t6041-markdown-roundtrip.sh \
	tests/cli/t6042-markdown-segment-golden.sh \
	tests/cli/t6043-markdown-front-matter.sh \
	tests/cli/t6044-markdown-full-cycle.sh \
	tests/cli/t6045-markdown-bad-input.sh \
	tests/cli/t6046-markdown-line-breaks.sh \
	tests/cli/t6047-markdown-inline-codes.sh \
	tests/cli/t6048-markdown-detect.sh \
	tests/cli/t6049-markdown-html-blocks.sh
