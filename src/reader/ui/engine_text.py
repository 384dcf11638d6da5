"""The engine's messages in the interface's language.

The engine (no Qt) words its errors in English, and a feed's last error is stored that way.
The window translates them when it shows them: each sentence the engine can say is a pattern
here, its variable parts (an address, a status, a number) carried into the translation as %1,
%2. A message no pattern knows (a detail from a library, say) is shown as it is.
tests/ui/test_engine_text.py checks each pattern against the engine's real messages.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "EngineText"

# QT_TRANSLATE_NOOP marks a template for lupdate (which wants the context spelled out);
# translated when shown.
# Sentences the engine says as they are.
_SENTENCES = frozenset(
    [
        QT_TRANSLATE_NOOP("EngineText", "The server asks for a login (HTTP 401)."),
        QT_TRANSLATE_NOOP("EngineText", "The server refused access (HTTP 403)."),
        QT_TRANSLATE_NOOP("EngineText", "The feed was not found on the server (HTTP 404)."),
        QT_TRANSLATE_NOOP(
            "EngineText", "The feed is gone for good (HTTP 410); you may want to unsubscribe."
        ),
        QT_TRANSLATE_NOOP("EngineText", "The server says we ask too often (HTTP 429)."),
        QT_TRANSLATE_NOOP("EngineText", "The server had an internal error (HTTP 500)."),
        QT_TRANSLATE_NOOP("EngineText", "The server's gateway failed (HTTP 502)."),
        QT_TRANSLATE_NOOP("EngineText", "The server is unavailable for now (HTTP 503)."),
        QT_TRANSLATE_NOOP("EngineText", "The server redirects in a loop."),
        QT_TRANSLATE_NOOP("EngineText", "The server redirected too many times."),
        QT_TRANSLATE_NOOP("EngineText", "The server took longer than 1 second."),
        QT_TRANSLATE_NOOP("EngineText", "The server took longer than 1 second to send the feed."),
        QT_TRANSLATE_NOOP("EngineText", "The server did not answer in time."),
        QT_TRANSLATE_NOOP("EngineText", "The server sent a corrupt compressed response."),
        QT_TRANSLATE_NOOP("EngineText", "The server's name could not be found."),
        QT_TRANSLATE_NOOP("EngineText", "The server refused the connection."),
        QT_TRANSLATE_NOOP(
            "EngineText", "The connection broke while downloading (reset by the server)."
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "The connection broke while downloading (the server closed it before the end).",
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "The connection broke while downloading (the server closed it without answering).",
        ),
        QT_TRANSLATE_NOOP(
            "EngineText", "The connection broke while downloading (the answer was not HTTP)."
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "The connection broke while downloading (the server's headers were unusable).",
        ),
        QT_TRANSLATE_NOOP("EngineText", "The address cannot be fetched."),
        QT_TRANSLATE_NOOP(
            "EngineText", "The server's secure connection could not be verified (TLS error)."
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "The address returned a web page, not a feed; try adding the site to find its feed.",
        ),
        QT_TRANSLATE_NOOP("EngineText", "The server sent an empty document instead of a feed."),
        QT_TRANSLATE_NOOP(
            "EngineText", "The feed has far too many elements to be read (over 2 million)."
        ),
        QT_TRANSLATE_NOOP("EngineText", "The feed is nested too deeply to be read."),
        QT_TRANSLATE_NOOP("EngineText", "The document is not a readable feed."),
        QT_TRANSLATE_NOOP("EngineText", "The document is JSON but not a JSON Feed."),
        QT_TRANSLATE_NOOP(
            "EngineText", "The feed could not be read: its parser ran out of memory."
        ),
        QT_TRANSLATE_NOOP("EngineText", "No feed was found."),
        QT_TRANSLATE_NOOP("EngineText", "A folder needs a name."),
        QT_TRANSLATE_NOOP("EngineText", "The refresh was cancelled."),
        QT_TRANSLATE_NOOP("EngineText", "The feed was removed."),
        QT_TRANSLATE_NOOP(
            "EngineText", "The file is empty, so there are no subscriptions to import."
        ),
        QT_TRANSLATE_NOOP("EngineText", "This file is not an OPML subscription list."),
        QT_TRANSLATE_NOOP(
            "EngineText", "No article text was found on its page; the feed's text is shown."
        ),
        # sync/ (accounts)
        QT_TRANSLATE_NOOP("EngineText", "An account needs a user name."),
        QT_TRANSLATE_NOOP("EngineText", "An account needs a password."),
        QT_TRANSLATE_NOOP("EngineText", "The server sent an article without an id."),
        QT_TRANSLATE_NOOP(
            "EngineText", "Tiny Tiny RSS ended the session again right after logging in."
        ),
        QT_TRANSLATE_NOOP(
            "EngineText", "Tiny Tiny RSS answered getHeadlines with something not a list."
        ),
        QT_TRANSLATE_NOOP(
            "EngineText", "The article's page had less text than the feed; the feed's is shown."
        ),
    ]
)
# Sentences with a variable part: the pattern, then the template (%1, %2: its groups).
_TEMPLATES: list[tuple[str, str]] = [
    (r"Not a valid URL: (.+)\.", QT_TRANSLATE_NOOP("EngineText", "Not a valid URL: %1.")),
    (
        r"Only http and https URLs can be subscribed to, not (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "Only http and https URLs can be subscribed to, not %1."),
    ),
    (
        r"The URL (.+) has no host name\.",
        QT_TRANSLATE_NOOP("EngineText", "The URL %1 has no host name."),
    ),
    (
        r"The URL (.+) has an invalid host name or port\.",
        QT_TRANSLATE_NOOP("EngineText", "The URL %1 has an invalid host name or port."),
    ),
    (
        r"The server answered with error (\d+)\.",
        QT_TRANSLATE_NOOP("EngineText", "The server answered with error %1."),
    ),
    (
        r"The server answered with an unexpected status (\d+)\.",
        QT_TRANSLATE_NOOP("EngineText", "The server answered with an unexpected status %1."),
    ),
    (
        r"The server answered (\d+) \(redirect\) without a location\.",
        QT_TRANSLATE_NOOP("EngineText", "The server answered %1 (redirect) without a location."),
    ),
    (
        r"The server redirected to an unusable address: (.+)",
        QT_TRANSLATE_NOOP("EngineText", "The server redirected to an unusable address: %1"),
    ),
    (
        r"The server redirected more than (\d+) times\.",
        QT_TRANSLATE_NOOP("EngineText", "The server redirected more than %1 times."),
    ),
    (
        r"The server took longer than ([\d.]+) seconds\.",
        QT_TRANSLATE_NOOP("EngineText", "The server took longer than %1 seconds."),
    ),
    (
        r"The server took longer than ([\d.]+) seconds to send the feed\.",
        QT_TRANSLATE_NOOP("EngineText", "The server took longer than %1 seconds to send the feed."),
    ),
    (
        r"The feed is larger than (\d+) MB and was not downloaded\.",
        QT_TRANSLATE_NOOP("EngineText", "The feed is larger than %1 MB and was not downloaded."),
    ),
    (
        r"The connection broke while downloading \((.+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "The connection broke while downloading (%1)."),
    ),
    (
        r"The download failed \((.+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "The download failed (%1)."),
    ),
    (
        r"Could not connect to the server \((.+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "Could not connect to the server (%1)."),
    ),
    (
        r"The document is not a readable feed \((.+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "The document is not a readable feed (%1)."),
    ),
    (
        r"The document is not valid JSON \((.+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "The document is not valid JSON (%1)."),
    ),
    (
        r"The feed took too long to read \(over ([\d.]+) seconds\); "
        r"it is malformed or far too large\.",
        QT_TRANSLATE_NOOP(
            "EngineText",
            "The feed took too long to read (over %1 seconds); it is malformed or far too large.",
        ),
    ),
    (
        r"The article's address is not a web page \((.+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "The article's address is not a web page (%1)."),
    ),
    (
        r"Unexpected error while extracting the article \((.+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "Unexpected error while extracting the article (%1)."),
    ),
    (
        r"Unexpected error while reading the feed \((.+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "Unexpected error while reading the feed (%1)."),
    ),
    (
        r"No feed was found at (.+): the page links to none\.",
        QT_TRANSLATE_NOOP("EngineText", "No feed was found at %1: the page links to none."),
    ),
    (
        r"You are already subscribed to (.+) \(feed (\d+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "You are already subscribed to %1 (feed %2)."),
    ),
    # sync/ (accounts) and favorites.py; the specific before the general
    (
        r"Cannot connect to (.+): is the server running and the address right\?",
        QT_TRANSLATE_NOOP(
            "EngineText", "Cannot connect to %1: is the server running and the address right?"
        ),
    ),
    (
        r"The password of (.+) at (.+) is not in (.+); remove the account and add it again\.",
        QT_TRANSLATE_NOOP(
            "EngineText",
            "The password of %1 at %2 is not in %3; remove the account and add it again.",
        ),
    ),
    (
        r"The API is off for user “(.+)” on this server: turn on “Enable API "
        r"access” in tt-rss Preferences\.",
        QT_TRANSLATE_NOOP(
            "EngineText",
            "The API is off for user “%1” on this server: turn on “Enable API access” in tt-rss Preferences.",  # noqa: E501 (lupdate reads one literal)
        ),
    ),
    (
        r"This Tiny Tiny RSS \(API level (.+)\) is too old for (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "This Tiny Tiny RSS (API level %1) is too old for %2."),
    ),
    (
        r"The server at (.+) answered with a web page, not the Tiny Tiny RSS "
        r"API: check the address \(for example https://example\.org/tt-rss/\)\.",
        QT_TRANSLATE_NOOP(
            "EngineText",
            "The server at %1 answered with a web page, not the Tiny Tiny RSS API: check the address (for example https://example.org/tt-rss/).",  # noqa: E501 (lupdate reads one literal)
        ),
    ),
    (
        r"Unknown account kind (.+); use one of (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "Unknown account kind %1; use one of %2."),
    ),
    (
        r"There is already a (.+) account for (.+) at (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "There is already a %1 account for %2 at %3."),
    ),
    (
        r"The server sent an item id that is not one: (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "The server sent an item id that is not one: %1."),
    ),
    (
        r"Cannot read the password file (.+): (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "Cannot read the password file %1: %2."),
    ),
    (
        r"Cannot write the password file (.+): (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "Cannot write the password file %1: %2."),
    ),
    (
        r"“(.+)” is not a web address \(for example https://example\.org/tt-rss/\)",
        QT_TRANSLATE_NOOP(
            "EngineText", "“%1” is not a web address (for example https://example.org/tt-rss/)"
        ),
    ),
    (
        r"The server at (.+) did not answer in time\.",
        QT_TRANSLATE_NOOP("EngineText", "The server at %1 did not answer in time."),
    ),
    (
        r"Cannot connect to the server at (.+): connection refused \(is the server running\?\)\.",
        QT_TRANSLATE_NOOP(
            "EngineText",
            "Cannot connect to the server at %1: connection refused (is the server running?).",
        ),
    ),
    (
        r"Cannot connect to the server at (.+): (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "Cannot connect to the server at %1: %2."),
    ),
    (
        r"The connection to (.+) failed: (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "The connection to %1 failed: %2."),
    ),
    (
        r"The server moved (.+) to (.+): use that address instead\.",
        QT_TRANSLATE_NOOP("EngineText", "The server moved %1 to %2: use that address instead."),
    ),
    (
        r"The server refused access to (.+) \(HTTP (\d+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "The server refused access to %1 (HTTP %2)."),
    ),
    (
        r"No Tiny Tiny RSS API at (.+) \(HTTP 404\): check the address\.",
        QT_TRANSLATE_NOOP(
            "EngineText", "No Tiny Tiny RSS API at %1 (HTTP 404): check the address."
        ),
    ),
    (
        r"The server at (.+) answered HTTP (\d+)\.",
        QT_TRANSLATE_NOOP("EngineText", "The server at %1 answered HTTP %2."),
    ),
    (
        r"The server at (.+) did not answer like Tiny Tiny RSS \(no JSON\)\.",
        QT_TRANSLATE_NOOP(
            "EngineText", "The server at %1 did not answer like Tiny Tiny RSS (no JSON)."
        ),
    ),
    (
        r"The server at (.+) gave no session: is it Tiny Tiny RSS\?",
        QT_TRANSLATE_NOOP("EngineText", "The server at %1 gave no session: is it Tiny Tiny RSS?"),
    ),
    (
        r"Tiny Tiny RSS refused (.+): (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "Tiny Tiny RSS refused %1: %2."),
    ),
    (
        r"(.+) sent no edit token; is this a Google Reader API\?",
        QT_TRANSLATE_NOOP("EngineText", "%1 sent no edit token; is this a Google Reader API?"),
    ),
    (
        r"Network error with (.+): (.+)",
        QT_TRANSLATE_NOOP("EngineText", "Network error with %1: %2"),
    ),
    (
        r"(.+) answered (.+) with HTTP (\d+)\.",
        QT_TRANSLATE_NOOP("EngineText", "%1 answered %2 with HTTP %3."),
    ),
    (
        r"(.+) answered (.+) with something not JSON\.",
        QT_TRANSLATE_NOOP("EngineText", "%1 answered %2 with something not JSON."),
    ),
    (
        r"(.+) sent an unexpected answer to (.+) \(no (.+)\)\.",
        QT_TRANSLATE_NOOP("EngineText", "%1 sent an unexpected answer to %2 (no %3)."),
    ),
    (
        r"(.+) sent an unexpected answer to (.+)\.",
        QT_TRANSLATE_NOOP("EngineText", "%1 sent an unexpected answer to %2."),
    ),
    (
        r"(.+) accepted the subscription to (.+) but does not list it\.",
        QT_TRANSLATE_NOOP("EngineText", "%1 accepted the subscription to %2 but does not list it."),
    ),
    (
        r"(.+) did not answer in time\.",
        QT_TRANSLATE_NOOP("EngineText", "%1 did not answer in time."),
    ),
    (
        r"Unknown export format (.+); use html or json\.",
        QT_TRANSLATE_NOOP("EngineText", "Unknown export format %1; use html or json."),
    ),
    (r"Cannot write (.+): (.+)\.", QT_TRANSLATE_NOOP("EngineText", "Cannot write %1: %2.")),
]
# A 429 or 503 with Retry-After: the sentence above, then this.
# Pattern text, compiled (and cached by re) on first use: not on the window's start.
_RETRY = r"(?s)(.+); it asks to retry after (.+?)( seconds)?\."
_RETRY_SECONDS = QT_TRANSLATE_NOOP("EngineText", "%1; it asks to retry after %2 seconds.")
_RETRY_AT = QT_TRANSLATE_NOOP("EngineText", "%1; it asks to retry after %2.")
_PATTERNS: list[tuple[re.Pattern[str], str]] | None = None


def translated(message: str) -> str:
    """`message` in the interface's language when it is one the engine says; else as it is."""
    global _PATTERNS
    if not message:
        return message
    if message in _SENTENCES:
        return QCoreApplication.translate(CONTEXT, message)
    if _PATTERNS is None:  # compiled at the first message with a variable part
        _PATTERNS = [(re.compile(p, re.DOTALL), text) for p, text in _TEMPLATES]
    retry = re.fullmatch(_RETRY, message)
    if retry:
        sentence = translated(retry.group(1) + ".")
        text = _RETRY_SECONDS if retry.group(3) else _RETRY_AT
        return _fill(text, sentence.removesuffix("."), retry.group(2))
    for pattern, text in _PATTERNS:
        match = pattern.fullmatch(message)
        if match:
            return _fill(text, *match.groups())
    return message


def _fill(text: str, *values: str) -> str:
    """The translation of `text` with %1, %2 ... replaced in one pass (a value may hold "%2")."""
    template = QCoreApplication.translate(CONTEXT, text)
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], template)
