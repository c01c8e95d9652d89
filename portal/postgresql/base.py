"""Django's PostgreSQL backend, with a health check that costs no round trip (issue #15).

Django checks a connection kept between requests (`CONN_HEALTH_CHECKS`) by running `SELECT 1` before
the request's first query: a round trip to PostgreSQL on each request, about 3 % of the web
workers' time under load, and as many statements for PostgreSQL. A connection the server has ended
(a restart, `pg_terminate_backend`, an idle timeout) has something to read on its socket: the
server's last message, or the end of the stream. Between requests nothing else comes on ours (the
portal listens to no channel), so a connection idle outside a transaction whose socket has nothing
to read is one the server still holds; any other is checked Django's way.

Core: every app may import it; it imports no app.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if connection.info.transaction_status == pq.TransactionStatus.IDLE:
            try:
                waiting = select.poll()
                waiting.register(connection.fileno(), select.POLLIN)
                readable = waiting.poll(0)
            except (OSError, ValueError):
                return False
            if not readable:
                return True
        return super().is_usable()
