"""Privacy of feed requests: no Cookie and no Referer, even from servers that set cookies, across
redirects, refreshes and autodiscovery, through the engine and through the command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reliability_helpers import GOOD_FEED, install_hostile_routes, record, run_reader


def cookie_page(server: Any) -> str:
    """A web page that sets a cookie and links to a feed that sets another one."""

    def page(handler: Any, query: dict[str, list[str]]) -> None:
        body = (
            b"<html><head><link rel='alternate' type='application/rss+xml' "
            b"href='/private/feed.xml'></head><body>site</body></html>"
        )
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Set-Cookie", "session=s3cr3t; Path=/; HttpOnly")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server.route("/private/", page)
    server.add(
        "/private/feed.xml",
        GOOD_FEED.replace("good-1", "private-1"),
        headers={"Set-Cookie": "feedcookie=1; Path=/; Max-Age=3600"},
    )
    return server.url("/private/")


def assert_no_cookie_or_referer(server: Any) -> int:
    assert server.hits, "the server saw no request"
    for hit in server.hits:
        assert "cookie" not in hit.headers, (hit.path, hit.headers.get("cookie"))
        assert "referer" not in hit.headers, (hit.path, hit.headers.get("referer"))
        assert "authorization" not in hit.headers, hit.path
    return len(server.hits)


def test_engine_sends_no_cookie_and_no_referer(service: Any, feed_server: Any) -> None:
    urls = install_hostile_routes(feed_server)
    service.add_feed(cookie_page(feed_server))  # autodiscovery: page, then its feed
    for name in ("good", "cookie", "301 to another host"):
        service.subscribe(urls[name])
    for _ in range(3):
        results = list(service.refresh_iter())
        assert {r.status for r in results} <= {"updated", "not_modified"}, results
    assert len(feed_server.hits_for("/srv/cookie-target.xml")) == 3  # redirected 3 times
    # The second and third refreshes would send a cookie the first one had kept.
    assert_no_cookie_or_referer(feed_server)


def test_command_line_sends_no_cookie_and_no_referer(tmp_path: Path, feed_server: Any) -> None:
    urls = install_hostile_routes(feed_server)
    data = tmp_path / "data"
    added = run_reader(data, "add", cookie_page(feed_server))
    assert added.code == 0, added
    assert run_reader(data, "add", urls["cookie"]).code == 0
    assert run_reader(data, "refresh", "--json").code == 0
    requests = assert_no_cookie_or_referer(feed_server)
    record(
        "privacy",
        f"{requests} requests from `reader add` (autodiscovery) and `reader refresh` to servers "
        "that set cookies and redirect: no Cookie, no Referer, no Authorization header",
    )
