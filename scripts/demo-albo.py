#!/usr/bin/env python3
"""Writes the demo town's albo as an AlboPOP RSS feed, with dates relative to a day.

The acts are in demo/albo-atti.toml (our own writing). The kiosk reads the feed like any
town's real albo feed, so the demo exercises the real importer.

Usage: scripts/demo-albo.py [--today YYYY-MM-DD] [--in demo/albo-atti.toml] --out FILE
"""
import argparse
import datetime as dt
import tomllib
from email.utils import format_datetime
from xml.sax.saxutils import escape

SPEC = "http://albopop.it/specs#"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--today", help="the day the acts are relative to (default: today in Rome)")
    ap.add_argument("--in", dest="src", default="demo/albo-atti.toml")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    try:
        from zoneinfo import ZoneInfo
        rome = ZoneInfo("Europe/Rome")
    except Exception:  # no tzdata: UTC+1 is close enough for a demo
        rome = dt.timezone(dt.timedelta(hours=1))
    today = dt.date.fromisoformat(a.today) if a.today else dt.datetime.now(rome).date()
    with open(a.src, "rb") as f:
        acts = tomllib.load(f)["atto"]
    # Numbered in order of publication, as a real albo does; the feed lists the newest first.
    acts = sorted(acts, key=lambda x: x["start"])
    items = []
    for i, act in enumerate(acts):
        number = 1201 + i
        start = today + dt.timedelta(days=act["start"])
        published = dt.datetime.combine(start, dt.time(9, 0), tzinfo=rome)
        link = f"https://albo.borgovetrina.example/atti/{start.year}-{number}"
        cats = [("uid", f"{start.year}/{number}"), ("type", act["tipo"]), ("unit", act["ufficio"]),
                ("pubStart", start.strftime("%d/%m/%Y"))]
        if "days" in act:
            cats.append(("pubEnd", (start + dt.timedelta(days=act["days"])).strftime("%d/%m/%Y")))
        xml = [f"<item><title>{escape(act['oggetto'])}</title>", f"<link>{link}</link>",
               f"<description>{escape(act.get('descrizione', act['oggetto']))}</description>",
               f"<pubDate>{format_datetime(published)}</pubDate>",
               f'<guid isPermaLink="true">{link}</guid>']
        xml += [f'<category domain="{SPEC}item-category-{k}">{escape(v)}</category>' for k, v in cats]
        for n, name in enumerate(act.get("allegati", [])):
            xml.append(f'<enclosure url="{link}/allegati/{name}" type="application/pdf" '
                       f'length="{48000 + 23117 * (i + n) % 900000}"/>')
        items.append("".join(xml) + "</item>")
    items.reverse()
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel>
<title>AlboPOP - Comune - Borgo Vetrina (demo)</title>
<link>https://albo.borgovetrina.example/feed.xml</link>
<description>*non ufficiale* RSS feed dell'Albo Pretorio del Comune di Borgo Vetrina (demo)</description>
<language>it</language>
<pubDate>{format_datetime(dt.datetime.combine(today, dt.time(7, 0), tzinfo=rome))}</pubDate>
<category domain="{SPEC}channel-category-type">Comune</category>
<category domain="{SPEC}channel-category-name">Comune di Borgo Vetrina (demo)</category>
{chr(10).join(items)}
</channel></rss>
"""
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(feed)
    print(f"demo albo: {len(items)} acts relative to {today.isoformat()} in {a.out}")


if __name__ == "__main__":
    main()
