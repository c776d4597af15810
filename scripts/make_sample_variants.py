#!/usr/bin/env python3
"""Makes the sample bulletins' variants that test reading real-world renderings (issue 11):

  corpus/traditional/STEM.trad.txt  the TXT samples in traditional characters (UTF-8)
  corpus/web/STEM.html              the DOCX samples as government-style web pages (GBK bytes, declared
                                    gb2312 or gbk), with navigation, breadcrumbs, share bar, footer, merged cells

Traditional characters come from inverting models/opencc/t2s_chars.tsv (OpenCC data): a simplified
character with several traditional forms takes the lowest code point (发 → 發 over 髮); every choice maps
back to the same simplified character. Run from the repository root; the outputs are committed.
"""
import html
import json
import os
import re
import zipfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def s2t_table():
    candidates = {}
    with open(os.path.join(ROOT, "models/opencc/t2s_chars.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            trad, simp = line.rstrip("\n").split("\t")[:2]
            if len(trad) == 1 and len(simp) == 1 and ord(trad) < 0x10000 and ord(simp) < 0x10000:
                candidates.setdefault(simp, []).append(trad)
    return {ord(s): min(ts) for s, ts in candidates.items()}


def traditional(samples):
    table = s2t_table()
    out = os.path.join(ROOT, "corpus/traditional")
    os.makedirs(out, exist_ok=True)
    for stem in samples:
        with open(os.path.join(ROOT, f"corpus/bulletins/txt/{stem}.txt"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(out, f"{stem}.trad.txt"), "w", encoding="utf-8") as f:
            f.write(text.translate(table))



def docx_body(path):
    """The DOCX body as a list of ('p', style, html) and ('table', rows) items, rows of (text, colspan, vmerge)."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    items = []
    for element in root.find(W + "body"):
        if element.tag == W + "p":
            style = element.find(f"{W}pPr/{W}pStyle")
            items.append(("p", style.get(W + "val") if style is not None else "", runs_html(element)))
        elif element.tag == W + "tbl":
            rows = []
            for tr in element.findall(W + "tr"):
                cells = []
                for tc in tr.findall(W + "tc"):
                    span = tc.find(f"{W}tcPr/{W}gridSpan")
                    merge = tc.find(f"{W}tcPr/{W}vMerge")
                    text = " ".join(t for t in (plain(p) for p in tc.iter(W + "p")) if t)
                    vmerge = None if merge is None else (merge.get(W + "val") or "continue")
                    cells.append([text, int(span.get(W + "val")) if span is not None else 1, vmerge])
                rows.append(cells)
            items.append(("table", rows))
    return items


def plain(paragraph):
    return "".join(t.text or "" for t in paragraph.iter(W + "t"))


def runs_html(paragraph):
    out = []
    for run in paragraph.iter(W + "r"):
        text = "".join(html.escape(t.text or "") if t.tag == W + "t" else "<br>" if t.tag == W + "br" else " "
                       for t in run if t.tag in (W + "t", W + "br", W + "tab"))
        bold = run.find(f"{W}rPr/{W}b") is not None
        out.append(f"<strong>{text}</strong>" if bold and text.strip() else text)
    return "".join(out)


def merge_down(rows):
    """An empty body cell under a filled one becomes part of it (rowspan), as pages merge a 牵头单位 column."""
    grid = [[c for c in row] for row in rows]
    for r in range(2, len(grid)):
        if len(grid[r]) != len(grid[r - 1]):
            continue
        for c, cell in enumerate(grid[r]):
            above = grid[r - 1][c]
            if cell[0] == "" and cell[1] == 1 and cell[2] is None and above[0] != "" and above[1] == 1 and above[2] is None \
                    and not re.search(r"\d", above[0]):
                above[2], cell[2] = "restart", "continue"
    return grid


def table_html(rows):
    rows = merge_down(rows)
    out = ['<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0">']
    for r, row in enumerate(rows):
        cells = []
        for c, (text, span, vmerge) in enumerate(row):
            if vmerge == "continue":
                continue
            attrs = f' colspan="{span}"' if span > 1 else ""
            if vmerge == "restart":
                down = 1
                while r + down < len(rows) and c < len(rows[r + down]) and rows[r + down][c][2] == "continue":
                    down += 1
                attrs += f' rowspan="{down}"' if down > 1 else ""
            tag = "th" if r == 0 else "td"
            cells.append(f'<{tag}{attrs}><p style="text-align:center">{html.escape(text)}</p></{tag}>')
        out.append("  <tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def is_line(item):
    """A short masthead line (第 2 期, an office, a date): pages set these as <br>-separated lines of one paragraph."""
    return item[0] == "p" and item[1] == "" and 0 < len(re.sub("<[^>]+>", "", item[2])) <= 20 \
        and not re.search(r"[。；：:]$", item[2])


def body_html(items):
    out, i = [], 0
    while i < len(items):
        item = items[i]
        if item[0] == "table":
            out.append(table_html(item[1]))
            i += 1
            continue
        style = item[1]
        level = re.fullmatch(r"Heading(\d)", style)
        if level:
            out.append(f"<h{level.group(1)}>{item[2]}</h{level.group(1)}>")
            i += 1
        elif style.startswith("List"):
            out.append("<ul>")
            while i < len(items) and items[i][0] == "p" and items[i][1].startswith("List"):
                out.append(f"  <li>{items[i][2]}</li>")
                i += 1
            out.append("</ul>")
        elif is_line(item):
            lines = []
            while i < len(items) and is_line(items[i]):
                lines.append(items[i][2])
                i += 1
            out.append('<p style="text-align:center">' + "<br>\n".join(lines) + "</p>")
        else:
            out.append(f'<p style="text-indent:2em">{item[2]}</p>' if item[2].strip() else "<p>&nbsp;</p>")
            i += 1
    return "\n".join(out)


PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{meta}
<title>{title}_{site}</title>
<link rel="stylesheet" href="/images/index.css">
<style>body{{font-family:"微软雅黑"}} .nav li{{float:left}}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<span>请使用IE8以上浏览器</span>");</script>
</head>
<body>
<div class="top-bar">欢迎访问{site}！ 今天是 <span id="today"></span> <a href="/">无障碍</a> <a href="/">长者模式</a></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="{site}"></div>
<div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwdt/">政务动态</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/msss/">民生实事</a></li></ul></div>
<div class="main">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/msss/">民生实事</a> &gt; 工作动态</div>
  <div class="article">
    <h1 class="article-title">{title}</h1>
    <div class="article-info">发布时间：{date} 来源：{office} 浏览次数：<span id="count">1024</span> 【字号：<a>大</a> <a>中</a> <a>小</a>】【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
    <div id="zoom" class="TRS_Editor">
{body}
    </div>
    <div class="bdshare share-bar">分享到：<a class="wx">微信</a> <a class="wb">微博</a> <a class="qzone">QQ空间</a></div>
    <div class="related"><h3>相关文章</h3><ul><li><a href="/a1.html">我市召开民生实事项目推进会</a></li><li><a href="/a2.html">民生实事项目完成情况公示</a></li></ul></div>
  </div>
  <div class="sidebar"><h3>热点专题</h3><ul><li>优化营商环境</li><li>乡村振兴</li></ul></div>
</div>
<div class="footer"><p>主办：{site}办公室 承办：{site}信息中心</p><p>版权所有：{site} ICP备案号：湘ICP备05001234号 网站标识码：4306000001</p><p>扫一扫在手机打开当前页</p></div>
<script src="/js/jquery.min.js"></script><script>$(function(){{ $("#today").text(new Date().toLocaleDateString()); }});</script>
</body>
</html>
"""


def web(samples):
    documents = {}
    with open(os.path.join(ROOT, "corpus/labels/documents.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                documents[row["doc"].split(".")[0]] = row
    out = os.path.join(ROOT, "corpus/web")
    os.makedirs(out, exist_ok=True)
    for n, stem in enumerate(samples):
        items = docx_body(os.path.join(ROOT, f"corpus/bulletins/docx/{stem}.docx"))
        texts = [re.sub("<[^>]+>", "", it[2]).strip() for it in items if it[0] == "p"]
        title = next(t for t in texts if t)
        # Every other page gives its title only above the body, the others repeat it in the body as well.
        if n % 2 == 1:
            first = next(k for k, it in enumerate(items) if it[0] == "p" and it[2].strip())
            items = items[:first] + items[first + 1:]
        meta = {"region": documents[stem]["region"], "date": documents[stem]["date"]}
        page = PAGE.format(title=html.escape(title), site=meta["region"] + "人民政府", date=meta["date"],
                           office=meta["region"] + "民生实事工作专班", body=body_html(items), meta="{meta}")
        # The bytes are GBK; half the pages declare gb2312 as many sites do for GBK text. What GBK lacks is a
        # character reference (&#181;), as browsers save it.
        charset = "gb2312" if n % 2 == 0 else "gbk"
        declaration = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />' if n % 2 == 0
                       else f'<meta charset="{charset}">')
        with open(os.path.join(out, f"{stem}.html"), "wb") as f:
            f.write(page.replace("{meta}", declaration).encode("gbk", errors="xmlcharrefreplace"))


if __name__ == "__main__":
    stems = sorted(n.split(".")[0] for n in os.listdir(os.path.join(ROOT, "corpus/bulletins/docx")))
    traditional(stems)
    web(stems)
