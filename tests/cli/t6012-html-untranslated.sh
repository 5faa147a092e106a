#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What is not translated: translate="no" and class="notranslate" (and
# translate="yes" turning it back on for a block), script, style, template,
# svg and math content, comments and the doctype: all skeleton between
# blocks; inside a paragraph each is one standalone code with its bytes.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

segments "$hdata/torture.html" --lang en
has_segment 'Translated again.'
no_text 'Not translated.'
no_text 'Template content'
no_segment 'Icon'
no_text 'color: red'
no_text 'document.write'
no_text 'A torture test'
no_text 'doctype'
# Inside a paragraph: standalone codes, their text not translatable.
has_segment 'A <span translate="no">brand <b>Name</b></span> and a <code class="notranslate foo">rm -rf /</code> command.'
run_bitext extract -s en -o "$work/t.xlf" "$hdata/torture.html"
expect_status 0
checks=$((checks + 1))
grep -q '<source>A <ph id="1" dataRef="d1" type="fmt" disp="brand Name"/> and a <ph id="2" dataRef="d2" type="fmt" disp="rm -rf /"/> command.</source>' \
	"$work/t.xlf" || fail "translate=\"no\" elements are not one code each"
checks=$((checks + 1))
grep -q '<source>Comment <ph id="1" dataRef="d1" type="other" disp="&lt;!----&gt;"/> a paragraph, a <ph id="2" dataRef="d2" type="other" disp="&lt;script/&gt;"/> script, an <ph id="3" dataRef="d3" type="image" disp="Icon"/> icon and <ph id="4" dataRef="d4" type="other" disp="x"/> math.</source>' \
	"$work/t.xlf" || fail "comment, script, svg, math are not one code each"
checks=$((checks + 1))
grep -Fq '<data id="d2">&lt;script&gt;var x = "&lt;/p&gt;";&lt;/script&gt;</data>' \
	"$work/t.xlf" || fail "the script's code lacks its bytes"

# The news page: its footer's notranslate paragraph, its JSON-LD and
# analytics scripts.
segments "$hdata/news-zh-CN.html"
no_text 'Yunqi Technology'
no_text 'schema.org'
no_text 'toLocaleString'
has_segment '&copy; 2024 杭州云栖科技有限公司 版权所有&nbsp;|&nbsp;<a href="https://beian.miit.gov.cn/" translate="no">浙ICP备12345678号-1</a>'
# translate="no" on a block holds for its children; attributes too.
cat >"$work/no.html" <<'EOF2'
<html lang="en"><body>
<section translate="no"><h2>Product name</h2><p>Not <b>this</b>.</p>
 <img src="a.png" alt="Not this alt either">
 <div translate="yes"><p>But this.</p><img src="b.png" alt="And this alt"></div>
</section>
<p class="intro notranslate" title="No title">Nope.</p>
<table class="notranslate"><tr><td>Cell</td></tr></table>
<p>Yes, this.</p>
</body></html>
EOF2
segments "$work/no.html"
cat >"$work/expect.txt" <<'EOF2'
But this.
And this alt
Yes, this.
EOF2
expect_same "$work/seg.txt" "$work/expect.txt"
html_roundtrip "$work/no.html" en no
finish
