/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Translation of Java regular expressions (the dialect SRX files are
 * written in, by Okapi, LanguageTool, OmegaT and others) to PCRE2.
 *
 * The two dialects mostly agree.  What differs and real rule files use:
 *   \uXXXX               -> \x{XXXX}
 *   \0ooo (octal)        -> \o{ooo}
 *   \p{IsLu} \p{IsLatin} -> \p{Lu} \p{Latin}
 *   \p{javaLowerCase}... -> \p{Ll}...
 *   \p{Punct} \p{Alpha}  -> the ASCII classes Java means by them
 *   \p{InHiragana}...    -> the block's code point range
 *   [a-z[A-Z]]           -> [a-zA-Z] (class union)
 * Class intersection ([a-z&&[^aeiou]]), negated blocks inside a class and
 * unknown property names cannot be translated: they give BT_EINVALID,
 * which callers report as "unsupported" rather than as a broken rule.
 */
#ifndef BT_SEGMENT_JAVA_REGEX_H
#define BT_SEGMENT_JAVA_REGEX_H

#include "core/buf.h"
#include "core/error.h"

/*
 * Appends the PCRE2 form of the Java regex java to out.  Returns 0, or -1
 * with err: BT_EINVALID for a construct PCRE2 cannot express, BT_ESYNTAX
 * for a pattern that is broken in Java too (a trailing backslash, a bad
 * \u escape).  The error's message names the construct; it has no file.
 */
int bt_java_regex_to_pcre2(const char *java, struct bt_buf *out,
			   struct bt_error *err);

#endif /* BT_SEGMENT_JAVA_REGEX_H */
