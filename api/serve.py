"""`python -m api.cli serve`: the API under uvicorn, N worker processes on one listening socket.

Why not `uvicorn --workers N`: uvicorn binds that socket with its protocol left at 0
(Kludex/uvicorn#3149). Accepted connections inherit it, and asyncio turns Nagle's algorithm off
only on sockets that say IPPROTO_TCP, so every keep-alive answer after a connection's first waits
for the client's delayed ACK: ~40 ms on Linux, whatever the request costs."""

import socket

import uvicorn
from uvicorn.supervisors import Multiprocess


class TcpConfig(uvicorn.Config):
    def bind_socket(self) -> socket.socket:
        bound = super().bind_socket()
        if bound.family not in (socket.AF_INET, socket.AF_INET6):
            return bound
        tcp = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
        tcp.set_inheritable(True)
        return tcp


def serve(host: str, port: int, workers: int, forwarded_allow_ips: str | None) -> None:
    """Serve until interrupted; behind a proxy, `forwarded_allow_ips` names it (its
    X-Forwarded-For then gives the caller's address, as the login throttle needs)."""
    config = TcpConfig(
        "api.main:app",
        host=host,
        port=port,
        workers=workers,
        access_log=False,  # the app logs every request itself (api.kit.request_context)
        proxy_headers=forwarded_allow_ips is not None,
        forwarded_allow_ips=forwarded_allow_ips,
    )
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        uvicorn.Server(config).run()  # one process: asyncio binds with IPPROTO_TCP itself
