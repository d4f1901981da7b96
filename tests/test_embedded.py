"""The embedded server's housekeeping: password file, stale state, busy ports, clean stop."""

from __future__ import annotations

import json
import os
import socket
import stat

from kgbuild.embedded import EmbeddedServer, _free_port


def test_password_file_is_private(server):
    mode = stat.S_IMODE(os.stat(server.password_file).st_mode)
    assert mode == 0o600
    assert len(server.password()) >= 24


def test_running_server_is_found_and_bound_to_loopback(server):
    info = server.info()
    assert info is not None and info.pid > 0
    with socket.create_connection(("127.0.0.1", info.bolt_port), timeout=2):
        pass
    assert server.start().pid == info.pid  # start() reuses the running server


def test_stale_state_file_is_cleared(tmp_path):
    srv = EmbeddedServer(tmp_path)
    tmp_path.mkdir(exist_ok=True)
    srv.state_file.write_text(json.dumps({"pid": 2 ** 22 - 3, "bolt_port": 1, "http_port": 2,
                                          "home": str(tmp_path)}))
    assert srv.info() is None
    assert not srv.state_file.exists()
    assert srv.stop() is False


def test_busy_port_is_avoided():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        busy = s.getsockname()[1]
        assert _free_port(busy) != busy
