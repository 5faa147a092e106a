/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The commands of bitext.  Each is `int cmd_NAME(int argc, char **argv)`
 * and returns the exit status; argv[0] is the command's name.
 *
 * To add a command:
 *   1. write src/cmd-NAME.c with cmd_NAME(), a usage() translated one
 *      option at a time, and getopt_long parsing;
 *   2. declare it here and add it, sorted, to the table in src/bitext.c;
 *   3. add the file to src/local.mk and po/POTFILES.in;
 *   4. add tests/cli/tNNNN-NAME-*.sh (t0001-help.sh checks --help for you)
 *      and man/bitext-NAME.x;
 *   5. document it in README.md.
 */
#ifndef BT_COMMANDS_H
#define BT_COMMANDS_H

int cmd_align(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_coverage(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_validate(int argc, char **argv);

#endif /* BT_COMMANDS_H */
