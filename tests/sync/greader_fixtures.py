"""Fixtures for the Google Reader API tests: the stub server in both flavours, and a client.

Imported by tests/sync/test_greader_*.py (not a conftest: tests/sync/conftest.py belongs to the
tt-rss tests). Fixture functions are named `*_fixture` so importing them shadows nothing. The
server is a stub following the published API, see tests/servers/greader_stub.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.core.sync.greader import GReaderRemote
from servers.greader_stub import GReaderStub

USER, PASSWORD = "alice", "secret"


@pytest.fixture(name="stub", params=["freshrss", "miniflux"])
def stub_fixture(request: pytest.FixtureRequest) -> Iterator[GReaderStub]:
    """A stub server, once as FreshRSS and once as Miniflux (their documented differences)."""
    server = GReaderStub(flavour=request.param, users={USER: PASSWORD})
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(name="freshrss")
def freshrss_fixture() -> Iterator[GReaderStub]:
    server = GReaderStub(flavour="freshrss", users={USER: PASSWORD})
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(name="client")
def client_fixture(stub: GReaderStub) -> Iterator[GReaderRemote]:
    remote = GReaderRemote(stub.url, USER, PASSWORD, timeout=5)
    try:
        yield remote
    finally:
        remote.close()
