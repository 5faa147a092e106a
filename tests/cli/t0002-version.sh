#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --version prints the GNU-style version text on stdout.
. "$top_srcdir/tests/cli/lib.sh"

run_bitext --version
expect_status 0
expect_stdout_match '^bitext [0-9]+\.[0-9]+\.[0-9]+$'
expect_stdout_match 'License GPLv3\+'

run_bitext -V
expect_status 0
expect_stdout_match '^bitext '
finish
