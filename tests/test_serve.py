"""`python -m api.cli serve` with several workers keeps Nagle's algorithm off on every accepted
connection (uvicorn's own --workers socket does not: Kludex/uvicorn#3149), so a keep-alive answer
never waits for the client's delayed ACK."""

import asyncio
import socket

import uvicorn

from api.serve import TcpConfig


async def _nodelay_of_an_accepted_connection(listener: socket.socket) -> int:
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    listener.listen()
    server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
    try:
        _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        nodelay = await asyncio.wait_for(accepted, 5)
        writer.close()
        return nodelay
    finally:
        server.close()


async def test_the_workers_socket_turns_nagle_off_on_accepted_connections() -> None:
    listener = TcpConfig("api.main:app", host="127.0.0.1", port=0).bind_socket()
    assert listener.proto == socket.IPPROTO_TCP
    assert await _nodelay_of_an_accepted_connection(listener) == 1


async def test_uvicorns_own_workers_socket_still_leaves_nagle_on() -> None:
    # When this fails, uvicorn has fixed #3149: api/serve.py's TcpConfig can go.
    listener = uvicorn.Config("api.main:app", host="127.0.0.1", port=0).bind_socket()
    assert await _nodelay_of_an_accepted_connection(listener) == 0
