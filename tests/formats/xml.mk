# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the xml filter (included from tests/local.mk).
CLI_TESTS += \
	tests/cli/t6021-xml-roundtrip.sh \
	tests/cli/t6022-xml-segment-golden.sh \
	tests/cli/t6023-xml-its-translate.sh \
	tests/cli/t6024-xml-its-within-text.sh \
	tests/cli/t6025-xml-its-notes-ids.sh \
	tests/cli/t6026-xml-builtin-rules.sh \
	tests/cli/t6027-xml-full-cycle.sh \
	tests/cli/t6028-xml-bad-input.sh \
	tests/cli/t6029-xml-escaping.sh
