"""Source readers of ingest: HTML, feeds (files and URLs), WARC, gzip and zip, globs, directories, bad inputs, dedup.

Every fixture is written here, from fictional text, into tmp_path; URLs are served from 127.0.0.1.
"""

from __future__ import annotations

import gzip
import io
import socket
import sys
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest import archives
from newsgraph.ingest.dedup import NearDuplicateIndex
from newsgraph.ingest.files import read_inputs
from newsgraph.ingest.identity import article_id
from newsgraph.ingest.sources import iter_sources
from newsgraph.model import Article
from newsgraph.problems import Problem

FERRY_BODY = [
    "The harbour council of Velmora voted on Tuesday to approve a new ferry link between the old port "
    "and the island of Sarn, ending two years of debate.",
    "Council leader Odile Brann told reporters that the service would start in the spring and run four "
    "times a day. \u201cThis is a lifeline for the island,\u201d she said.",
    "Opponents had argued that the cost of the new pier was too high, but a revised plan cut the budget by a fifth.",
]

FERRY_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour council approves ferry link | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="og:title" content="Harbour council approves ferry link">
<link rel="canonical" href="https://ledger.example/news/ferry-link">
<meta property="article:published_time" content="2024-03-14T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport pages</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<header><p>Subscribe to our newsletter today</p></header>
<main><article><h1>Harbour council approves ferry link</h1>
{"".join(f"<p>{p}</p>" for p in FERRY_BODY)}
</article></main>
<footer><p>Copyright 2024 The Coastal Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""  # noqa: E501 - a verbatim page, one paragraph a line

LIBRARY_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Library reopens after flood</title></head>
<body><nav><a href="/">Front page</a> <a href="/local">Local</a></nav><article><h1>Library reopens after flood</h1>
<p>The public library of Dunmere reopened its doors on Saturday, eight months after a flood ruined the ground floor and most of the children's collection.</p>
<p>Volunteers spent the winter drying and sorting books, and a fundraising drive paid for new shelves, the head librarian, Petra Lune, said at the ceremony.</p>
</article><footer>Dunmere Evening Post</footer></body></html>"""  # noqa: E501 - a verbatim page, one paragraph a line

NO_ARTICLE_PAGE = """<!DOCTYPE html><html><head><title>Sign in</title></head><body>
<nav><a href="/">Home</a> <a href="/login">Log in</a></nav>
<form><input name="user"><button>Sign in</button></form><footer>Copyright 2024</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Velmora Wire</title><link>https://wire.example/</link><description>News from Velmora</description>
<item><title>Bridge repairs finish early</title><link>https://wire.example/bridge</link>
<pubDate>Thu, 14 Mar 2024 08:00:00 +0000</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Repairs to the Kessel bridge finished a week early, the roads office said on Wednesday.</p><p>Traffic will return to both lanes on Friday.</p><script>track()</script>]]></content:encoded>
</item>
<item><title>Market hall gets a new roof</title><link>https://wire.example/market</link>
<pubDate>Fri, 15 Mar 2024 09:00:00 +0000</pubDate>
<description>&lt;p&gt;Builders began replacing the roof of the old market hall, which leaked all winter.&lt;/p&gt;</description>
</item></channel></rss>"""  # noqa: E501 - a verbatim feed, one item a line

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sarn Island Notes</title><id>urn:example:sarn</id>
<updated>2024-04-02T10:00:00Z</updated>
<entry><title>Ferry timetable published</title><link href="https://sarn.example/timetable"/><id>urn:example:1</id>
<published>2024-04-01T07:00:00Z</published><updated>2024-04-01T07:00:00Z</updated>
<content type="html">&lt;p&gt;The first timetable for the new ferry lists four crossings a day.&lt;/p&gt;&lt;p&gt;Tickets go on sale in May.&lt;/p&gt;</content></entry>
<entry><title>School choir wins regional prize</title><link href="https://sarn.example/choir"/><id>urn:example:2</id>
<updated>2024-04-02T09:00:00Z</updated>
<summary>The island school choir won first prize at the regional festival in Velmora.</summary></entry>
</feed>"""  # noqa: E501 - a verbatim feed, one entry a line

STORY = "Harbour Budget Agreed\n\nThe harbour board agreed on Monday to spend more on dredging the channel next year."


def articles(items: list[Article | Problem]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def problems(items: list[Article | Problem]) -> list[Problem]:
    return [item for item in items if isinstance(item, Problem)]


def read(*sources: str | Path, **kwargs) -> list[Article | Problem]:
    return list(iter_sources([str(source) for source in sources], **kwargs))


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- HTML ---------------------------------------------------------------------------------------------


def test_html_page_gives_the_article_without_boilerplate(tmp_path: Path):
    [article] = read(write(tmp_path / "ferry.html", FERRY_PAGE))
    assert isinstance(article, Article)
    assert article.title == "Harbour council approves ferry link"
    assert article.text.split("\n") == FERRY_BODY
    for boilerplate in ("Subscribe", "Home", "Privacy", "Copyright"):
        assert boilerplate not in article.text
    assert article.published == "2024-03-14"
    assert article.url == "https://ledger.example/news/ferry-link"
    assert article.source == "The Coastal Ledger"
    assert article.id == article_id(article.text, article.url)


def test_given_publication_date_wins_over_the_page_date(tmp_path: Path):
    [article] = read(write(tmp_path / "ferry.htm", FERRY_PAGE), published="2024-05-01")
    assert article.published == "2024-05-01"


def test_html_without_an_article_is_one_problem(tmp_path: Path):
    path = write(tmp_path / "login.html", NO_ARTICLE_PAGE)
    assert read(path) == [Problem(str(path), "no article text found in the HTML")]


# --- feeds ---------------------------------------------------------------------------------------------


def test_rss_feed_gives_one_article_per_entry(tmp_path: Path):
    first, second = read(write(tmp_path / "wire.rss", RSS))
    assert first.title == "Bridge repairs finish early" and second.title == "Market hall gets a new roof"
    assert first.text == (
        "Repairs to the Kessel bridge finished a week early, the roads office said on Wednesday.\n"
        "Traffic will return to both lanes on Friday."
    )
    assert second.text == "Builders began replacing the roof of the old market hall, which leaked all winter."
    assert (first.url, first.published, first.source) == ("https://wire.example/bridge", "2024-03-14", "Velmora Wire")
    assert second.published == "2024-03-15"


def test_atom_feed_gives_one_article_per_entry(tmp_path: Path):
    first, second = read(write(tmp_path / "sarn.atom", ATOM))
    assert first.text == "The first timetable for the new ferry lists four crossings a day.\nTickets go on sale in May."
    assert (first.title, first.url, first.published) == (
        "Ferry timetable published",
        "https://sarn.example/timetable",
        "2024-04-01",
    )
    assert second.text.startswith("The island school choir") and second.published == "2024-04-02"
    assert first.source == second.source == "Sarn Island Notes"


def test_a_feed_is_recognised_by_its_content(tmp_path: Path):
    assert len(articles(read(write(tmp_path / "latest", RSS)))) == 2
    assert len(articles(read(write(tmp_path / "sarn.xml", ATOM)))) == 2


def test_invalid_feed_is_one_problem_naming_the_file(tmp_path: Path):
    path = write(tmp_path / "broken.xml", "<?xml version='1.0'?><rss><channel><title>Oops</title><item><title>x</chan")
    [problem] = read(path)
    assert isinstance(problem, Problem) and problem.source == str(path)
    assert "not a valid RSS or Atom feed" in problem.reason


# --- WARC ----------------------------------------------------------------------------------------------


def warc(gz: bool) -> tuple[bytes, list[int]]:
    """A WARC with a response (dated page), a request, a non-HTML response and a response (undated page).

    Returns the archive and the offset where each record starts (and the end).
    """
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    offsets = [0]

    def add(uri: str, kind: str, payload: bytes, http: StatusAndHeaders, date: str) -> None:
        record = writer.create_warc_record(
            uri, kind, payload=io.BytesIO(payload), http_headers=http, warc_headers_dict={"WARC-Date": date}
        )
        writer.write_record(record)
        offsets.append(buffer.tell())

    def html() -> StatusAndHeaders:
        return StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")

    add("https://ledger.example/news/ferry-link", "response", FERRY_PAGE.encode(), html(), "2024-03-20T10:00:00Z")
    add(
        "https://post.example/library",
        "request",
        b"",
        StatusAndHeaders("GET /library HTTP/1.1", [("Host", "post.example")], is_http_request=True),
        "2024-03-21T10:00:00Z",
    )
    add(
        "https://post.example/logo.png",
        "response",
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"),
        "2024-03-21T10:00:01Z",
    )
    add("https://post.example/library", "response", LIBRARY_PAGE.encode(), html(), "2024-03-21T10:00:02Z")
    return buffer.getvalue(), offsets


@pytest.mark.parametrize("name", ["news.warc.gz", "news.warc"])
def test_warc_html_responses_become_articles(tmp_path: Path, name: str):
    data, _ = warc(gz=name.endswith(".gz"))
    ferry, library = read(write(tmp_path / name, data))
    assert ferry.url == "https://ledger.example/news/ferry-link" and ferry.published == "2024-03-14"
    assert ferry.text.split("\n") == FERRY_BODY
    assert library.url == "https://post.example/library"
    assert library.published == "2024-03-21"  # no date in the page: the record's WARC-Date
    assert library.title == "Library reopens after flood" and "Front page" not in library.text


@pytest.mark.parametrize("name", ["news.warc.gz", "news.warc"])
def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path, name: str):
    data, offsets = warc(gz=name.endswith(".gz"))
    cut = (offsets[3] + offsets[4]) // 2  # in the middle of the second HTML response
    path = write(tmp_path / name, data[:cut])
    items = read(path)
    assert [a.url for a in articles(items)] == ["https://ledger.example/news/ferry-link"]
    assert problems(items) == [Problem(str(path), "truncated WARC after 3 records")]


def test_gzip_cut_inside_the_last_trailer_is_still_truncated(tmp_path: Path):
    data, _ = warc(gz=True)
    path = write(tmp_path / "news.warc.gz", data[:-4])
    items = read(path)
    assert len(articles(items)) == 2
    assert problems(items) == [Problem(str(path), "truncated WARC after 4 records")]


def test_a_failing_warc_record_is_named_by_its_uri(tmp_path: Path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://post.example/login", "response", payload=io.BytesIO(NO_ARTICLE_PAGE.encode()), http_headers=http
        )
    )
    path = write(tmp_path / "login.warc.gz", buffer.getvalue())
    assert read(path) == [Problem(f"{path}[https://post.example/login]", "no article text found in the HTML")]


# --- compressed inputs ---------------------------------------------------------------------------------


def test_gzip_files_are_read_by_their_inner_suffix(tmp_path: Path):
    plain = read(write(tmp_path / "story.txt", STORY))
    assert read(write(tmp_path / "story.txt.gz", gzip.compress(STORY.encode()))) == plain
    assert len(articles(read(write(tmp_path / "feed.xml.gz", gzip.compress(RSS.encode()))))) == 2
    lines = '{"text": "One line of news."}\n{"text": "Another line of news.", "id": "n2"}\n'
    items = read(write(tmp_path / "records.jsonl.gz", gzip.compress(lines.encode())))
    assert [a.text for a in items] == ["One line of news.", "Another line of news."] and items[1].id == "n2"


def test_gzip_bomb_and_corrupt_gzip_are_problems(tmp_path: Path):
    bomb = write(tmp_path / "bomb.txt.gz", gzip.compress(b"news " * 2_000_000))
    [problem] = read(bomb)
    assert "limit" in problem.reason
    cut = write(tmp_path / "cut.jsonl.gz", gzip.compress(b'{"text": "A line."}\n' * 5000)[:300])
    assert "truncated" in problems(read(cut))[0].reason
    fake = write(tmp_path / "fake.txt.gz", b"not gzip at all")
    [problem] = read(fake)
    assert "gzip" in problem.reason.lower()


def test_zip_members_are_read_by_their_own_suffix(tmp_path: Path):
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("pages/ferry.html", FERRY_PAGE)
        bundle.writestr("feeds/wire.rss", RSS)
        bundle.writestr("notes/story.txt.gz", gzip.compress(STORY.encode()))
        bundle.writestr("notes/empty.txt", b"")
        bundle.writestr("notes/.hidden.txt", STORY)
        bundle.writestr("__MACOSX/pages/._ferry.html", b"\x00\x05")
        bundle.writestr("inner.zip", b"PK\x05\x06" + bytes(18))
    items = read(path)
    assert [a.title for a in articles(items)] == [
        "Bridge repairs finish early",
        "Market hall gets a new roof",
        "Harbour Budget Agreed",
        "Harbour council approves ferry link",
    ]
    assert problems(items) == [
        Problem(f"{path}[inner.zip]", "a zip archive inside another archive is not read"),
        Problem(f"{path}[notes/empty.txt]", "empty file"),
    ]


def test_zip_members_over_the_limit_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(archives, "MAX_MEMBER_BYTES", 1000)
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("big.txt", "word " * 1000)
        bundle.writestr("small.txt", STORY)
    items = read(path)
    assert len(articles(items)) == 1
    [problem] = problems(items)
    assert problem.source == f"{path}[big.txt]" and "over the 1,000 bytes limit" in problem.reason


def test_a_member_expanding_past_its_size_fails_while_read():
    reader = io.BufferedReader(archives.BoundedReader(io.BytesIO(b"x" * 5000), 1000))
    with pytest.raises(ValueError, match="declared size"):
        reader.read()


# --- sources: globs, directories, stdin, bad inputs ----------------------------------------------------


def test_glob_and_directory_sources(tmp_path: Path):
    write(tmp_path / "data" / "b.html", LIBRARY_PAGE)
    write(tmp_path / "data" / "a.html", FERRY_PAGE)
    write(tmp_path / "data" / "c.txt", STORY)
    write(tmp_path / "data" / "sub" / "d.txt", STORY.replace("Monday", "Friday"))
    write(tmp_path / "data" / ".hidden.txt", STORY)
    write(tmp_path / "data" / ".cache" / "e.txt", STORY)
    from_glob = read(tmp_path / "data" / "*.html")
    assert [a.title for a in from_glob] == ["Harbour council approves ferry link", "Library reopens after flood"]
    from_folder = read(tmp_path / "data")
    assert len(from_folder) == 4 and not problems(from_folder)
    assert from_folder[3].text.endswith("on Friday to spend more on dredging the channel next year.")
    assert read(tmp_path / "nothing" / "*.html") == [
        Problem(str(tmp_path / "nothing" / "*.html"), "no files match the pattern")
    ]


def test_bad_inputs_are_one_problem_each_and_the_rest_goes_on(tmp_path: Path):
    folder = tmp_path / "mixed"
    write(folder / "a_empty.txt", b"")
    write(folder / "b_binary.txt", bytes(range(256)) * 4)
    write(folder / "c_latin1.txt", "Le ministre a déclaré que les négociations reprendront.".encode("latin-1"))
    write(folder / "d_good.txt", STORY)
    write(folder / "e_login.html", NO_ARTICLE_PAGE)
    write(folder / "f_notes.pdf", b"%PDF-1.4")
    items = read(folder, tmp_path / "missing.txt")
    assert len(articles(items)) == 1
    reasons = {Path(p.source).name: p.reason for p in problems(items)}
    assert len(reasons) == len(problems(items)) == 6
    assert reasons["a_empty.txt"] == "empty file"
    assert "binary" in reasons["b_binary.txt"] and "UTF-8" in reasons["c_latin1.txt"]
    assert reasons["e_login.html"] == "no article text found in the HTML"
    assert "unsupported" in reasons["f_notes.pdf"] and "no such file" in reasons["missing.txt"]


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    "data, titles",
    [
        (STORY, ["Harbour Budget Agreed"]),
        (RSS, ["Bridge repairs finish early", "Market hall gets a new roof"]),
        ('{"text": "One.", "title": "A"}\n{"text": "Two.", "title": "B"}\n', ["A", "B"]),
        ('{\n  "text": "One pretty record.",\n  "title": "P"\n}\n', ["P"]),
    ],
)
def test_stdin_is_read_by_its_content(monkeypatch: pytest.MonkeyPatch, data: str, titles: list[str]):
    monkeypatch.setattr(sys, "stdin", _Stdin(data.encode()))
    assert [a.title for a in read("-")] == titles


def test_read_inputs_for_analyze_reads_the_same_sources(tmp_path: Path):
    path = write(tmp_path / "ferry.html", FERRY_PAGE)
    assert list(read_inputs([str(path)])) == read(path)


# --- feeds by URL --------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/feed.xml":
            self._send(200, RSS.encode(), "application/rss+xml")
        elif self.path == "/big":
            self._send(200, b"<rss>" + b" " * 5000 + b"</rss>", "application/rss+xml")
        elif self.path == "/big-unsized":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<rss>" + b" " * 5000 + b"</rss>")
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/feed.xml")
            self.end_headers()
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_url_is_fetched_and_read(server: str):
    items = read(f"{server}/feed.xml")
    assert [a.url for a in items] == ["https://wire.example/bridge", "https://wire.example/market"]
    assert items[0].source == "Velmora Wire"


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_a_response_over_the_size_bound_is_refused(server: str, path: str):
    [problem] = read(f"{server}{path}", max_fetch_bytes=1000)
    assert problem.source == f"{server}{path}" and "over the 1,000 bytes limit" in problem.reason


def test_failed_fetches_are_problems(server: str):
    [missing] = read(f"{server}/missing")
    assert missing.reason == "fetch failed: HTTP 404 Not Found"
    [redirect] = read(f"{server}/to-ftp")
    assert "redirect to ftp://127.0.0.1/feed.xml refused" in redirect.reason
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    [unreachable] = read(f"http://127.0.0.1:{port}/feed.xml", fetch_timeout=5)
    assert unreachable.reason.startswith("fetch failed:")
    [ftp] = read("ftp://127.0.0.1/feed.xml")
    assert ftp.reason == "only http and https URLs are fetched"


# --- near duplicates -----------------------------------------------------------------------------------

PORT_STORY = [
    "The port authority of Velmora announced on Monday that the old grain terminal will be converted into a "
    "ferry hub by the end of next year, after months of talks with the regional government.",
    "Under the plan, three new berths will be built along the eastern quay, and the disused warehouses behind "
    "them will become a waiting hall, a bicycle depot and a small market for island producers.",
    "The authority's director, Tomas Welde, said the project would cost about forty million crowns, most of it "
    "paid from a regional fund for coastal transport. He told reporters that work could begin in the autumn if "
    "the environmental review is finished on time.",
    "Fishermen who use the neighbouring harbour have raised concerns about noise and traffic during construction.",
    "Their association asked for a separate access road so that trucks carrying the catch are not held up by "
    "building works.",
    "The regional transport minister, Ilse Marrow, welcomed the agreement and said the hub would cut travel "
    "times to the outer islands by almost an hour. She added that a timetable for the first routes would be "
    "published in the spring.",
    "Local residents will be able to comment on the drawings at a public meeting in the town hall next month, "
    "and a second meeting is planned on the island of Sarn, where most ferry passengers live.",
    "If the schedule holds, the first ferries will dock at the new berths in the summer of the following year, "
    "replacing the cramped landing stage that has served the islands for more than half a century.",
]
ORIGINAL = "\n".join(["Grain terminal to become ferry hub", *PORT_STORY])
EDITED = "\n".join(
    [
        "Velmora picks old terminal for island ferries",
        *PORT_STORY[:3],
        "Several fishing crews based nearby complained on Tuesday about the expected din of the works.",
        *PORT_STORY[4:],
    ]
)
UNRELATED = (
    "The Dunmere chess club won the national team championship on Sunday, beating the defending "
    "champions in a final round that lasted more than six hours. The club's youngest player, aged "
    "fourteen, secured the decisive point with a long endgame that spectators called the best game "
    "of the tournament."
)


def test_near_duplicate_is_found_and_an_unrelated_story_is_not():
    index = NearDuplicateIndex()
    assert index.add("original", ORIGINAL) is None
    assert index.add("unrelated", UNRELATED) is None
    assert index.add("edited", EDITED) == "original"
    assert index.add("copy", ORIGINAL) == "original"  # the first earlier one, not the latest
    assert index.add("original", ORIGINAL) is None  # re-added: still nothing earlier than it
    assert len(index) == 4


def test_signatures_rebuild_the_index():
    signature = NearDuplicateIndex.signature(ORIGINAL)
    assert isinstance(signature, bytes) and len(signature) == 128 * 4
    assert signature == NearDuplicateIndex.signature(" ".join(ORIGINAL.split()))  # normalised text
    rebuilt = NearDuplicateIndex()
    rebuilt.add_signature("original", signature)
    rebuilt.add_signature("unrelated", NearDuplicateIndex.signature(UNRELATED))
    assert rebuilt.add("edited", EDITED) == "original"
    assert rebuilt.add("other", UNRELATED + " Tickets are sold out.") == "unrelated"
    with pytest.raises(ValueError, match="hash values"):
        NearDuplicateIndex(num_perm=64).add_signature("x", signature)
