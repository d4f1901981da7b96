"""The embedded server's housekeeping: password file, stale state, busy ports, clean stop."""

from __future__ import annotations

import json
import os
import socket
import stat
import time

from kgbuild.graph.processes import free_port as _free_port
from kgbuild.graph.server import EmbeddedServer


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
    srv.state_file.write_text(json.dumps({"pid": 2**22 - 3, "bolt_port": 1, "http_port": 2, "home": str(tmp_path)}))
    assert srv.info() is None
    assert not srv.state_file.exists()
    assert srv.stop() is False


def test_busy_port_is_avoided():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        busy = s.getsockname()[1]
        assert _free_port(busy) != busy


def test_crashed_server_restarts_with_its_data(tmp_path):
    from kgbuild.config import Settings
    from kgbuild.graph import open_graph

    srv = EmbeddedServer(tmp_path)
    settings = Settings.resolve(home=tmp_path)
    try:
        with open_graph(settings) as g:
            g.write(lambda tx: tx.execute("CREATE (:Probe {key: 'kept'})"))
        os.kill(srv.info().pid, 9)
        deadline = time.monotonic() + 10
        while srv.info() is not None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert srv.info() is None  # the stale state file is noticed and cleared
        with open_graph(settings) as g:  # started again on demand
            assert g.read("MATCH (p:Probe) RETURN p.key AS key") == [{"key": "kept"}]
    finally:
        srv.stop()
