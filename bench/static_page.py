#!/usr/bin/env python3
"""Renders the demo town's albo as one static web page, the way towns show it today in a
browser kiosk: the same content and roughly the same look as Vetrina's albo screen.

Usage: static_page.py ALBO.json FONTS_DIR OUT.html   (ALBO.json from `vetrina list albo --json`)
"""
import html
import json
import sys

acts = json.load(open(sys.argv[1]))
fonts = sys.argv[2]


def day(iso):
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


cards = "\n".join(
    f"""<a class="card" href="{html.escape(a['link'])}"><div class="top"><span class="type">{html.escape(a['type'].upper())}</span>
<span class="num">N. {html.escape(a['uid'])}</span></div><div class="subject">{html.escape(a['title'])}</div>
<div class="dates">Dal {day(a['pub_start'])} al {day(a['pub_end'])}</div></a>""" for a in acts)

page = f"""<!doctype html><html lang="it"><head><meta charset="utf-8">
<title>Albo pretorio - Comune di Borgo Vetrina (demo)</title>
<style>
@font-face {{ font-family: Titillium; src: url("file://{fonts}/TitilliumWeb-Regular.ttf"); }}
@font-face {{ font-family: Titillium; font-weight: 700; src: url("file://{fonts}/TitilliumWeb-Bold.ttf"); }}
body {{ margin: 0; font-family: Titillium, sans-serif; background: #F5F7FA; color: #17202A; font-size: 35px; }}
header {{ background: #0066CC; color: #fff; padding: 16px 16px; display: flex; justify-content: space-between; }}
header h1 {{ margin: 0; font-size: 48px; }}
main {{ padding: 16px; }}
.card {{ display: block; background: #fff; border: 1px solid #8A99A8; border-left: 6px solid #0066CC;
         border-radius: 4px; padding: 12px; margin-bottom: 8px; color: inherit; text-decoration: none; }}
.top {{ display: flex; justify-content: space-between; font-weight: 700; font-size: 27px; }}
.type {{ color: #0066CC; }}
.subject {{ display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }}
.dates {{ color: #3D4956; font-size: 27px; }}
</style></head><body>
<header><div><h1>Comune di Borgo Vetrina (demo)</h1><div>Punto informativo</div></div><div id="clock"></div></header>
<main><h2>Albo pretorio</h2><p>{len(acts)} atti in pubblicazione oggi</p>
{cards}
</main>
<script>document.getElementById('clock').textContent = new Date().toLocaleTimeString('it-IT');</script>
</body></html>
"""
open(sys.argv[3], "w", encoding="utf-8").write(page)
