#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Messages are translated: with the zh_CN catalogue (compiled from po/ into
# the build tree by make check), LANGUAGE=zh_CN prints Chinese help and
# errors.  This works without a generated zh_CN locale, under C.UTF-8.
. "$top_srcdir/tests/cli/lib.sh"

[ -f "$BITEXT_LOCALEDIR/zh_CN/LC_MESSAGES/bitext.mo" ] ||
	skip "no compiled zh_CN catalogue"
grep -q '^#define ENABLE_NLS 1' "$top_builddir/config.h" ||
	skip "built without NLS"

LANGUAGE=zh_CN
export LANGUAGE
run_bitext --help
expect_status 0
expect_stdout_match '用法'
run_bitext segment --help
expect_status 0
expect_stdout_match '句段'
run_bitext segment --lang en "$work/missing.txt"
expect_status 2
expect_stderr_match '^bitext: .*missing.txt: '
# The message itself must be Chinese, not the English original.
if grep -q 'cannot open' "$work/stderr"; then
	fail "error message not translated: $(cat "$work/stderr")"
fi
finish
